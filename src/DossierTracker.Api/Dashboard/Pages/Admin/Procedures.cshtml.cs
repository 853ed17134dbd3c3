using System.Globalization;
using DossierTracker.Api.Audit;
using DossierTracker.Api.Dashboard.Admin;
using DossierTracker.Api.Http;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Calendar;
using DossierTracker.Procedures;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace DossierTracker.Api.Dashboard.Pages.Admin;

/// <summary>
/// The procedure catalogue (code, name, field, processing time), a form to add or change one, and an upload of many:
/// all stored by <see cref="ProceduresUpsert"/>, as PUT /api/procedures stores them. Province-wide, so for an admin
/// scoped to the province only.
/// </summary>
public sealed class ProceduresModel(IDocumentStore store, AuditTrail audit, ReferenceDataCache referenceData) : ReferenceUploadPageModel<ProcedurePayload>
{
    public const string SaveForm = "save";

    /// <summary>Form fields in the order the API's messages are matched against them: longer names first.</summary>
    public static readonly IReadOnlyList<string> Fields = ["processingTime.value", "processingTime.unit", "field.code", "field.name", "code", "name"];

    public override string PageTitle => Words.ProceduresTitle;
    public override string UploadApiCall => "PUT /api/procedures";
    public override IReadOnlyList<string> SheetColumns => ["code", "name", "processingTime.value", "processingTime.unit", "field.code", "field.name"];
    protected override IReadOnlySet<string> DateColumns => new HashSet<string>();
    protected override IReadOnlySet<string> NumberColumns => new HashSet<string> { "processingTime.value" };
    protected override bool IsProvinceWide => true;

    [BindProperty(SupportsGet = true)] public string? Edit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Saved { get; set; }

    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? ProcessingValue { get; set; }
    [BindProperty] public string? ProcessingUnit { get; set; }
    [BindProperty] public string? FieldCode { get; set; }
    [BindProperty] public string? FieldName { get; set; }

    public Procedure? Editing { get; private set; }

    public IReadOnlyList<Procedure> Catalogue => ReferenceData.Procedures.Values.OrderBy(p => p.Code, StringComparer.Ordinal).ToList();

    public IActionResult OnGet()
    {
        if (Edit is null) return Page();
        if (!ReferenceData.Procedures.TryGetValue(Edit, out var procedure)) return Refuse(StatusCodes.Status404NotFound, Text.ErrorNotFound);
        Editing = procedure;
        Code = procedure.Code;
        Name = procedure.Name;
        ProcessingValue = procedure.ProcessingTime.Value.ToString(CultureInfo.InvariantCulture);
        ProcessingUnit = WireNames.Of(procedure.ProcessingTime.Unit);
        FieldCode = procedure.Field?.Code;
        FieldName = procedure.Field?.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        PostedForm = SaveForm;
        Editing = Code is null ? null : ReferenceData.Procedures.GetValueOrDefault(Code);
        var change = Change();
        if (change is null) return Page();

        // Typed text the API's JSON could not even carry (not a number, an unknown unit) is left out, so the API's own
        // message for a missing value is shown beside the field.
        var value = int.TryParse(ProcessingValue?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : (int?)null;
        var unit = WireNames.TryParse(ProcessingUnit, out ProcessingTimeUnit parsed) ? parsed : (ProcessingTimeUnit?)null;
        var field = string.IsNullOrWhiteSpace(FieldCode) && string.IsNullOrWhiteSpace(FieldName) ? null : new ProcedureFieldPayload(FieldCode?.Trim(), FieldName?.Trim());
        var payload = new ProcedurePayload(Code?.Trim(), Name?.Trim(), new ProcessingTimePayload(value, unit), field);
        var result = await ProceduresUpsert.ApplyAsync([payload], change, store, audit, referenceData, cancellationToken);
        if (result.IsRejected)
        {
            Errors.AddProblem(result.Errors!, Fields);
            return Page();
        }
        return RedirectToPage("/Admin/Procedures", new { saved = payload.Code });
    }

    public string Describe(ProcessingTime time) => $"{time.Value} {Words.TimeUnits[time.Unit]}";

    protected override string? CodeOf(ProcedurePayload item) => item.Code;

    protected override ProcedurePayload? Stored(string code) =>
        ReferenceData.Procedures.TryGetValue(code, out var procedure) ? ProcedurePayload.Of(procedure) : null;

    protected override IDictionary<string, string[]>? Check(IReadOnlyList<ProcedurePayload?> items) =>
        ProceduresUpsert.Check(items, ReferenceData.Procedures.Values.ToList())?.Errors;

    protected override async Task<IDictionary<string, string[]>?> ApplyAsync(IReadOnlyList<ProcedurePayload> items, AuditedChange change,
        CancellationToken cancellationToken) =>
        (await ProceduresUpsert.ApplyAsync(items, change, store, audit, referenceData, cancellationToken)).Errors;
}
