using DossierTracker.Api.Audit;
using DossierTracker.Api.Dashboard.Text;
using DossierTracker.Api.Security;
using DossierTracker.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace DossierTracker.Api.Dashboard.Pages.Admin;

/// <summary>
/// What the admin pages for keys and accounts share. Only admins pass, for every handler (GET and POST alike), before
/// anything is read. An admin reaches the keys and accounts of the units in its scope (<see cref="Reaches"/>), and may
/// give a key or account only a unit it reaches: a scope never grows by being handed on. Every change names a reason
/// (the API keeps it optional; a person in a form always has one) and the signed-in session as its actor.
/// Errors are keyed by the id of the field they belong to, so each shows beside its field.
/// </summary>
public abstract class AccountsAndKeysPageModel : DashboardPageModel
{
    public override string? Section => "admin";
    protected override bool IsAboutUnit => false;

    public AdminPeopleText People => Text.AdminPeople;

    /// <summary>Field id → message.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public override Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!User.IsInRole(Roles.Admin))
        {
            HttpContext.Items[ProblemItem] = DashboardLanguage.Of(Request).AdminPeople.AdminsOnly;
            context.Result = StatusCode(StatusCodes.Status403Forbidden);
            return Task.CompletedTask;
        }
        return base.OnPageHandlerExecutionAsync(context, next);
    }

    protected AuditActor Actor => SignInAudit.ActorOf(User);

    /// <summary>Whether the signed-in admin's scope covers a unit (below it, or a predecessor of a unit it covers).</summary>
    protected bool Reaches(string unitCode) => ReferenceData.Units.IsInScopeOf(unitCode, User.ScopeUnitCode());

    /// <summary>The units a key or account may be given here, in tree order.</summary>
    public IReadOnlyList<Unit> ReachableUnits => ReferenceData.Units.ScopeOf(User.ScopeUnitCode());

    public string UnitName(string code) => ReferenceData.Units.Find(code) is { } unit ? Describe(unit) : code;

    /// <summary>Checks a unit picked in a form: known, and within reach.</summary>
    protected void CheckUnit(string field, string? unitCode)
    {
        if (string.IsNullOrWhiteSpace(unitCode)) Errors.TryAdd(field, People.UnitRequired);
        else if (ReferenceData.Units.Find(unitCode) is null) Errors.TryAdd(field, People.UnitUnknown);
        else if (!Reaches(unitCode)) Errors.TryAdd(field, People.UnitOutsideReach);
    }

    /// <summary>The reason, trimmed; an error on <paramref name="field"/> when it is missing or unfit for the trail.</summary>
    protected string? CheckReason(string field, string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            Errors.TryAdd(field, People.ReasonRequired);
            return null;
        }
        var trimmed = reason.Trim();
        if (trimmed.Length <= AuditedChange.MaxReasonLength && !trimmed.Any(char.IsControl)) return trimmed;
        Errors.TryAdd(field, Text.Format(People.ReasonTooLongFormat, AuditedChange.MaxReasonLength));
        return null;
    }

    protected IActionResult NotFoundPage() => Refuse(StatusCodes.Status404NotFound, Text.ErrorNotFound);

    protected IActionResult OutOfReach(string unitCode) => Refuse(StatusCodes.Status403Forbidden, Text.Format(Text.ErrorUnitOutsideScopeFormat, unitCode));

    public string? ErrorOf(string field) => Errors.GetValueOrDefault(field);
}

/// <summary>One labelled input of an admin form, with its hint and its error beside it (<c>AccountsField.cshtml</c>).</summary>
public sealed record FormField(string Id, string Name, string Label, string? Error, string? Hint = null, string Type = "text", string? Value = null,
    string? Autocomplete = null, int? MaxLength = null);

/// <summary>The errors of a form, listed above it with links to their fields (<c>AccountsErrors.cshtml</c>).</summary>
public sealed record FormErrors(string Heading, IReadOnlyDictionary<string, string> Errors);

/// <summary>An account's role and unit pickers (<c>AccountsRoleAndUnit.cshtml</c>): the roles an account may hold, the units the admin reaches.</summary>
public sealed record RoleAndUnitFields(string RoleId, string UnitId, string? Role, string? Unit, string? RoleError, string? UnitError,
    AccountsAndKeysPageModel Page);
