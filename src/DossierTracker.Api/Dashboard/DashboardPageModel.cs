using DossierTracker.Api.Dashboard.Text;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Api.Security;
using DossierTracker.Calendar;
using DossierTracker.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DossierTracker.Api.Dashboard;

/// <summary>
/// What every dashboard page knows before its handler runs: the reader's language, the signed-in user's scope unit,
/// and the unit the page is about (the <c>unit</c> parameter, checked against the user's scope by
/// <see cref="UnitScope.Resolve"/>). The layout reads these too.
/// </summary>
public abstract class DashboardPageModel : PageModel
{
    public const string ProblemItem = "dashboard.problem";

    public DashboardText Text { get; private set; } = DashboardText.Vietnamese;
    public ReferenceDataSnapshot? Snapshot { get; private set; }
    /// <summary>The user's own scope unit; null when nobody is signed in.</summary>
    public Unit? HomeUnit { get; private set; }
    /// <summary>The unit the page is about, with its subtree; null on pages that are about no unit.</summary>
    public UnitScope? Scope { get; private set; }
    public DashboardLinks Links { get; private set; } = new(PathString.Empty, null, null);
    /// <summary>Set when the unit the page is about has ceased (a reorganisation).</summary>
    public CeasedUnitNotice? Ceased { get; private set; }

    public abstract string PageTitle { get; }

    /// <summary>The main navigation entry this page belongs to, marked as current.</summary>
    public virtual string? Section => null;

    /// <summary>
    /// Pages a session may open while its password, set by an administrator, awaits its owner's own (changing it,
    /// signing out, the language, errors); every other page sends it to "change my password".
    /// </summary>
    protected virtual bool OpenWhilePasswordMustChange => false;

    /// <summary>Pages about a unit resolve the <c>unit</c> parameter; sign-in and error pages are about none.</summary>
    protected virtual bool IsAboutUnit => true;

    protected ReferenceDataSnapshot ReferenceData => Snapshot ?? throw new InvalidOperationException("Reference data is loaded for signed-in users only.");

    protected UnitScope Selected => Scope ?? throw new InvalidOperationException("This page is not about a unit.");

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        Text = DashboardLanguage.Of(Request);
        if (User.HasClaim(claim => claim.Type == DashboardAuthentication.MustChangePasswordClaim) && !OpenWhilePasswordMustChange)
        {
            context.Result = RedirectToPage("/AccountPassword");
            return;
        }
        if (User.Identity?.IsAuthenticated == true)
        {
            Snapshot = await HttpContext.RequestServices.GetRequiredService<ReferenceDataCache>().GetAsync(HttpContext.RequestAborted);
            HomeUnit = Snapshot.Units.Find(User.ScopeUnitCode());
            Links = new DashboardLinks(Request.PathBase, null, User.ScopeUnitCode());
            if (IsAboutUnit)
            {
                var requested = Request.Query["unit"].ToString();
                var (scope, problem) = UnitScope.Resolve(requested, User, Snapshot.Units);
                if (problem is IStatusCodeHttpResult { StatusCode: StatusCodes.Status403Forbidden })
                {
                    context.Result = Refuse(StatusCodes.Status403Forbidden, Text.Format(Text.ErrorUnitOutsideScopeFormat, requested));
                    return;
                }
                if (scope is null)
                {
                    context.Result = Refuse(StatusCodes.Status404NotFound, Text.Format(Text.ErrorUnknownUnitFormat, requested));
                    return;
                }
                Scope = scope;
                Links = Links.ForUnit(scope.Unit.Code);
                var today = VietnamTime.LocalDate(HttpContext.RequestServices.GetRequiredService<TrackerClock>().Now);
                Ceased = CeasedUnitNotice.For(scope.Unit, today, Snapshot.Units, HomeUnit, Links, Request.Path);
            }
        }
        await next();
    }

    /// <summary>
    /// Answers with a status and no body; the status-code page then shows the error page with this message, keeping
    /// the address the user asked for.
    /// </summary>
    protected IActionResult Refuse(int status, string message)
    {
        HttpContext.Items[ProblemItem] = message;
        return StatusCode(status);
    }

    /// <summary>The unit's name as people know it, with its code for the unambiguous reference.</summary>
    public static string Describe(Unit unit) => $"{unit.Name} ({unit.Code})";
}
