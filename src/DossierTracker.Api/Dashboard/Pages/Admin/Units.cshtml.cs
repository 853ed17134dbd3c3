using DossierTracker.Api.Audit;
using DossierTracker.Api.Dashboard.Admin;
using DossierTracker.Api.Http;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Organisation;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace DossierTracker.Api.Dashboard.Pages.Admin;

/// <summary>
/// The organisation tree of the admin's scope, a form to add or change one unit, and an upload of many (the body of
/// PUT /api/units as JSON, or an XLSX sheet): all stored by <see cref="UnitsUpsert"/>, as the API stores them, so the
/// same checks refuse the same units, and a unit outside the admin's scope is refused.
/// </summary>
public sealed class UnitsModel(IDocumentStore store, AuditTrail audit, ReferenceDataCache referenceData) : ReferenceUploadPageModel<UnitPayload>
{
    public const string SaveForm = "save";

    /// <summary>Form fields in the order the API's messages are matched against them: longer names first.</summary>
    public static readonly IReadOnlyList<string> Fields = ["successorCode", "parentCode", "validTo", "validFrom", "reportRecipient", "level", "code", "name"];

    public override string PageTitle => Words.UnitsTitle;
    public override string UploadApiCall => "PUT /api/units";
    public override IReadOnlyList<string> SheetColumns => ["code", "name", "level", "parentCode", "validFrom", "validTo", "successorCode", "reportRecipient"];
    protected override IReadOnlySet<string> DateColumns => new HashSet<string> { "validFrom", "validTo" };
    protected override IReadOnlySet<string> NumberColumns => new HashSet<string>();

    [BindProperty(SupportsGet = true)] public string? Edit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Under { get; set; }
    [BindProperty(SupportsGet = true)] public string? Saved { get; set; }

    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Level { get; set; }
    [BindProperty] public string? ParentCode { get; set; }
    [BindProperty] public string? ValidFrom { get; set; }
    [BindProperty] public string? ValidTo { get; set; }
    [BindProperty] public string? SuccessorCode { get; set; }

    /// <summary>The unit being edited; null when adding one.</summary>
    public Unit? Editing { get; private set; }

    public IReadOnlyList<Unit> InScope => ReferenceData.Units.ScopeOf(HomeUnit!.Code).OrderBy(u => u.Level).ThenBy(u => u.Code, StringComparer.Ordinal).ToList();

    /// <summary>The tops of the admin's part of the tree: its unit, and units it took over that are not below it.</summary>
    public IReadOnlyList<Unit> Roots()
    {
        var scope = InScope.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        return InScope.Where(u => u.Code == HomeUnit!.Code || u.ParentCode is not { } parent || !scope.Contains(parent)).ToList();
    }

    public IReadOnlyList<Unit> ChildrenOf(Unit unit) => ReferenceData.Units.ChildrenOf(unit.Code);

    public IActionResult OnGet()
    {
        if (Edit is not null)
        {
            if (ReferenceData.Units.Find(Edit) is not { } unit) return Refuse(StatusCodes.Status404NotFound, Text.Format(Text.ErrorUnknownUnitFormat, Edit));
            if (!ChangeScope.Covers(unit.Code, ReferenceData.Units))
                return Refuse(StatusCodes.Status403Forbidden, Text.Format(Text.ErrorUnitOutsideScopeFormat, Edit));
            Show(unit);
        }
        else if (Under is not null && ReferenceData.Units.Find(Under) is { } parent)
        {
            ParentCode = parent.Code;
            Level = WireNames.Of(parent.Level == UnitLevel.Province ? UnitLevel.District : UnitLevel.Commune);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        PostedForm = SaveForm;
        Editing = Code is null ? null : ReferenceData.Units.Find(Code);
        var validFrom = Date("validFrom", ValidFrom);
        var validTo = Date("validTo", ValidTo);
        var level = WireNames.TryParse(Level, out UnitLevel parsed) ? parsed : (UnitLevel?)null;
        var change = Change();
        if (Errors.Count > 0) return Page();

        // What the form does not show (the report recipient) stays as stored.
        var payload = new UnitPayload(Code?.Trim(), Name?.Trim(), level, Blank(ParentCode), validFrom, validTo, Blank(SuccessorCode),
            Editing?.ReportRecipient);
        var result = await UnitsUpsert.ApplyAsync([payload], change!, ChangeScope, store, audit, referenceData, cancellationToken);
        if (result.IsRejected)
        {
            Errors.AddProblem(result.Errors!, Fields);
            return Page();
        }
        return RedirectToPage("/Admin/Units", new { saved = payload.Code });
    }

    protected override string? CodeOf(UnitPayload item) => item.Code;

    protected override UnitPayload? Stored(string code) => ReferenceData.Units.Find(code) is { } unit ? UnitPayload.Of(unit) : null;

    protected override IDictionary<string, string[]>? Check(IReadOnlyList<UnitPayload?> items) =>
        UnitsUpsert.Check(items, ReferenceData.Units.Units.ToList(), ChangeScope).Errors;

    protected override async Task<IDictionary<string, string[]>?> ApplyAsync(IReadOnlyList<UnitPayload> items, AuditedChange change,
        CancellationToken cancellationToken) =>
        (await UnitsUpsert.ApplyAsync(items, change, ChangeScope, store, audit, referenceData, cancellationToken)).Errors;

    private void Show(Unit unit)
    {
        Editing = unit;
        Code = unit.Code;
        Name = unit.Name;
        Level = WireNames.Of(unit.Level);
        ParentCode = unit.ParentCode;
        ValidFrom = TypedDate.Show(unit.ValidFrom);
        ValidTo = TypedDate.Show(unit.ValidTo);
        SuccessorCode = unit.SuccessorCode;
    }

    private DateOnly? Date(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (TypedDate.TryParse(text, out var date)) return date;
        Errors.Add(field, Words.DateInvalid);
        return null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
