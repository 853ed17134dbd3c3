using DossierTracker.Api.Audit;
using DossierTracker.Api.Dashboard.Admin;
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
/// The forms show their errors and ask for the reason with the admin area's shared partials (<see cref="IAdminForm"/>);
/// a field keeps the first error found for it.
/// </summary>
public abstract class AccountsAndKeysPageModel : DashboardPageModel, IAdminForm
{
    public override string? Section => "admin";
    protected override bool IsAboutUnit => false;

    public AdminPeopleText People => Text.AdminPeople;

    public FormErrors Errors { get; } = new();

    public string? PostedForm { get; protected set; }

    [BindProperty] public string? Reason { get; set; }

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
        if (string.IsNullOrWhiteSpace(unitCode)) AddError(field, People.UnitRequired);
        else if (ReferenceData.Units.Find(unitCode) is null) AddError(field, People.UnitUnknown);
        else if (!Reaches(unitCode)) AddError(field, People.UnitOutsideReach);
    }

    /// <summary>The reason, trimmed; an error on the reason field when it is missing or unfit for the trail.</summary>
    protected string? CheckReason()
    {
        if (string.IsNullOrWhiteSpace(Reason))
        {
            AddError(FormErrors.ReasonField, People.ReasonRequired);
            return null;
        }
        var trimmed = Reason.Trim();
        if (trimmed.Length <= AuditedChange.MaxReasonLength && !trimmed.Any(char.IsControl)) return trimmed;
        AddError(FormErrors.ReasonField, Text.Format(People.ReasonTooLongFormat, AuditedChange.MaxReasonLength));
        return null;
    }

    /// <summary>An error beside a field of the form that was sent, unless the field has one already.</summary>
    protected void AddError(string field, string message)
    {
        if (!Errors.Has(field)) Errors.Add(field, message);
    }

    protected IActionResult NotFoundPage() => Refuse(StatusCodes.Status404NotFound, Text.ErrorNotFound);

    protected IActionResult OutOfReach(string unitCode) => Refuse(StatusCodes.Status403Forbidden, Text.Format(Text.ErrorUnitOutsideScopeFormat, unitCode));

    /// <summary>The error beside a field of <paramref name="form"/>, when that form was the one sent.</summary>
    public string? ErrorOf(string form, string field) => PostedForm == form ? Errors.Of(field).FirstOrDefault() : null;

    /// <summary>A field's input id: its form's name, a dash and its name, as the shared error summary links to it.</summary>
    public static string IdOf(string form, string field) => $"{form}-{field}";
}

/// <summary>One labelled input of an admin form, with its hint and its error beside it (<c>AccountsField.cshtml</c>).</summary>
public sealed record FormField(string Id, string Name, string Label, string? Error, string? Hint = null, string Type = "text", string? Value = null,
    string? Autocomplete = null, int? MaxLength = null);

/// <summary>An account's role and unit pickers (<c>AccountsRoleAndUnit.cshtml</c>): the roles an account may hold, the units the admin reaches.</summary>
public sealed record RoleAndUnitFields(string RoleId, string UnitId, string? Role, string? Unit, string? RoleError, string? UnitError,
    AccountsAndKeysPageModel Page);
