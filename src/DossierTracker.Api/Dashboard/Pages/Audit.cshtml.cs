using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.Audit;
using DossierTracker.Api.Auditing;
using DossierTracker.Api.Http;
using DossierTracker.Api.Security;
using DossierTracker.Organisation;
using Microsoft.AspNetCore.Mvc;

namespace DossierTracker.Api.Dashboard.Pages;

/// <summary>
/// The audit trail for admins, read as <c>GET /api/audit</c> reads it (same filters, scope and order): the entries of
/// the units in the admin's scope, province-wide ones for a province admin, and the admin's own actions.
/// </summary>
public sealed class AuditModel(AuditLog log) : DashboardPageModel
{
    public const int PageSize = 50;

    public override string PageTitle => Text.Audit.Title;
    public override string Section => "audit";
    protected override bool IsAboutUnit => false;

    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "action")] public string? ActionFilter { get; set; }
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public string? Subject { get; set; }
    [BindProperty(SupportsGet = true, Name = "unit")] public string? UnitFilter { get; set; }

    public AuditPage Entries { get; private set; } = new(0, 1, PageSize, []);
    public Lists.Pager Pager => new(Entries.Page, Entries.PageSize, Entries.Total);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!User.IsInRole(Roles.Admin)) return Refuse(StatusCodes.Status403Forbidden, Text.Audit.AdminsOnly);
        var query = new QueryParameters();
        // "page" is read from the query alone: in Razor Pages the route value of that name is the page's own path.
        var filter = AuditFilter.Parse(query, From, To, ActionFilter, Actor, Subject, UnitFilter, Request.Query["page"],
            PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (query.HasErrors) return Refuse(StatusCodes.Status400BadRequest, Text.ErrorInvalidParameters);

        IReadOnlyList<string>? unitCodes = null;
        if (filter.Unit is not null)
        {
            var (scope, problem) = UnitScope.Resolve(filter.Unit, User, ReferenceData.Units);
            if (problem is IStatusCodeHttpResult { StatusCode: StatusCodes.Status403Forbidden })
                return Refuse(StatusCodes.Status403Forbidden, Text.Format(Text.ErrorUnitOutsideScopeFormat, filter.Unit));
            if (scope is null) return Refuse(StatusCodes.Status404NotFound, Text.Format(Text.ErrorUnknownUnitFormat, filter.Unit));
            unitCodes = scope.Units.Select(u => u.Code).ToList();
        }
        Entries = await log.PageAsync(AuditReaders.For(User, SignInAudit.ActorOf(User), ReferenceData.Units), filter, unitCodes, cancellationToken);
        return Page();
    }

    public string UnitName(string? code) => code is null ? Text.Audit.ProvinceWide
        : ReferenceData.Units.Find(code) is Unit unit ? Describe(unit) : code;

    /// <summary>Vietnamese letters as themselves (the page is HTML-encoded anyway), not as \u escapes.</summary>
    public static string? Json(JsonNode? node) => node?.ToJsonString(ReadableJson);

    private static readonly JsonSerializerOptions ReadableJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string ActorName(AuditActor actor) =>
        $"{actor.Name ?? actor.Id} ({Text.Audit.ActorKinds.GetValueOrDefault(actor.Kind, actor.Kind)}{(actor.Name is null ? "" : " " + actor.Id)})";
}
