using DossierTracker.Api.Audit;
using DossierTracker.Api.Dashboard.Text;
using DossierTracker.Api.Http;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Api.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace DossierTracker.Api.Dashboard.Admin;

/// <summary>
/// Base of the admin area's pages: role <c>admin</c> only (anyone else gets the forbidden page, before any handler
/// runs), scoped by the admin's own unit (<see cref="ChangeScope"/>). Every change is made by the same code as the API's
/// PUT, audited with the signed-in account as actor and the form's reason, which the forms require.
/// </summary>
public abstract class AdminPageModel : DashboardPageModel, IAdminForm
{
    public override string Section => "admin";
    protected override bool IsAboutUnit => false;

    /// <summary>The form's own errors and the API's, by form field; <see cref="FormErrors.General"/> for the rest.</summary>
    public FormErrors Errors { get; } = new();

    /// <summary>The form the request sent (its handler's name), whose errors and typed values the page shows again.</summary>
    public string? PostedForm { get; protected set; }

    /// <summary>Why the change is made: required here, although the API keeps it optional for its existing clients.</summary>
    [BindProperty] public string? Reason { get; set; }

    protected AdminReferenceText Words => Text.AdminReference;

    /// <summary>Procedures and calendar years are province-wide: only an admin scoped to a root unit changes them.</summary>
    protected virtual bool IsProvinceWide => false;

    protected ChangeScope ChangeScope => ChangeScope.Of(User.ScopeUnitCode());

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var text = DashboardLanguage.Of(Request).AdminReference;
        if (!User.IsInRole(Roles.Admin))
        {
            context.Result = Refuse(StatusCodes.Status403Forbidden, text.AdminsOnly);
            return;
        }
        var tree = (await HttpContext.RequestServices.GetRequiredService<ReferenceDataCache>().GetAsync(HttpContext.RequestAborted)).Units;
        if (IsProvinceWide && !ChangeScope.CoversProvince(tree))
        {
            context.Result = Refuse(StatusCodes.Status403Forbidden, text.ProvinceAdminsOnly);
            return;
        }
        await base.OnPageHandlerExecutionAsync(context, next);
    }

    /// <summary>The reason typed, checked as the API checks its <c>reason</c> parameter, and required; null (with the error) otherwise.</summary>
    protected AuditedChange? Change()
    {
        var query = new QueryParameters();
        var reason = AuditedChange.ParseReason(query, Reason);
        if (query.HasErrors) Errors.Add(FormErrors.ReasonField, Words.ReasonTooLong);
        else if (reason is null) Errors.Add(FormErrors.ReasonField, Words.ReasonRequired);
        return Errors.Has(FormErrors.ReasonField) ? null : new AuditedChange(SignInAudit.ActorOf(User), reason);
    }
}
