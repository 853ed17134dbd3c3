using System.Globalization;
using DossierTracker.Api.Audit;
using DossierTracker.Api.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace DossierTracker.Api.Dashboard.Pages;

/// <summary>
/// Opens a dashboard session with a supervisor or admin API key. The key is checked as the API checks it (an address
/// that keeps failing is made to wait); the session cookie then holds the key's id, role, scope unit and name and a
/// session id, never the key itself. Sign-ins and failed ones (not those made to wait) go to the audit trail.
/// </summary>
public sealed class SignInModel(ApiKeyVerifier verifier, ApiKeyRegistry registry, AuditTrail audit) : DashboardPageModel
{
    public override string PageTitle => Text.SignInTitle;
    protected override bool IsAboutUnit => false;

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true)] public bool SignedOut { get; set; }
    public string? Error { get; private set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(Destination) : Page();

    public async Task<IActionResult> OnPostAsync(string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            Error = Text.SignInMissingKey;
            return Page();
        }
        var verification = await verifier.VerifyAsync(key.Trim(), HttpContext);
        if (verification.RetryAfter is { } wait)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            Error = Text.SignInThrottled;
            return Page();
        }
        if (verification.Key is not { } found)
        {
            await SignInAudit.FailedAsync(audit, registry, key.Trim(), "unknown or revoked key", HttpContext.RequestAborted);
            Error = Text.SignInUnknownKey;
            return Page();
        }
        if (found.Role is not (Roles.Supervisor or Roles.Admin))
        {
            await SignInAudit.FailedAsync(audit, registry, key.Trim(), $"role {found.Role} may not use the dashboard", HttpContext.RequestAborted);
            Error = Text.SignInWrongRole;
            return Page();
        }

        await HttpContext.SignInAsync(DashboardAuthentication.Scheme, DashboardAuthentication.PrincipalFor(found),
            new AuthenticationProperties { IsPersistent = false });
        await SignInAudit.SignedInAsync(audit, found, HttpContext.RequestAborted);
        return LocalRedirect(Destination);
    }

    private string Destination => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "~/";
}
