using DossierTracker.Api.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace DossierTracker.Api.Dashboard.Pages;

/// <summary>
/// Opens a dashboard session with a supervisor or admin API key. The key is checked as the API checks it; the session
/// cookie then holds the key's id, role, scope unit and name, never the key itself.
/// </summary>
public sealed class SignInModel(ApiKeyRegistry registry) : DashboardPageModel
{
    public override string PageTitle => Text.SignInTitle;
    protected override bool IsAboutUnit => false;

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true)] public bool SignedOut { get; set; }
    public string? Error { get; private set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(Destination) : Page();

    public async Task<IActionResult> OnPostAsync(string? key)
    {
        var found = await FindKeyAsync(key?.Trim());
        if (found is null)
        {
            Error = string.IsNullOrWhiteSpace(key) ? Text.SignInMissingKey : Text.SignInUnknownKey;
            return Page();
        }
        if (found.Role is not (Roles.Supervisor or Roles.Admin))
        {
            Error = Text.SignInWrongRole;
            return Page();
        }

        await HttpContext.SignInAsync(DashboardAuthentication.Scheme, DashboardAuthentication.PrincipalFor(found),
            new AuthenticationProperties { IsPersistent = false });
        return LocalRedirect(Destination);
    }

    private string Destination => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "~/";

    private async Task<ApiKey?> FindKeyAsync(string? presented)
    {
        if (!ApiKeySecret.TryParse(presented, out var id, out var secret)) return null;
        var key = await registry.FindAsync(id, HttpContext.RequestAborted);
        return key is not null && !key.IsRevoked && ApiKeySecret.Matches(key, secret) ? key : null;
    }
}
