using Microsoft.AspNetCore.Mvc;

namespace DossierTracker.Api.Dashboard.Pages;

/// <summary>
/// Ends the session on the server and in the browser. A POST with the antiforgery token, so no other site can sign a
/// user out.
/// </summary>
public sealed class SignOutModel : DashboardPageModel
{
    public override string PageTitle => Text.SignOut;
    protected override bool OpenWhilePasswordMustChange => true;
    protected override bool IsAboutUnit => false;

    public IActionResult OnGet() => LocalRedirect("~/");

    public async Task<IActionResult> OnPostAsync()
    {
        await DashboardAuthentication.SignOutEverywhereAsync(HttpContext);
        return RedirectToPage("/SignIn", new { signedOut = true });
    }
}
