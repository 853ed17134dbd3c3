using DossierTracker.Api.Dashboard.Text;
using Microsoft.AspNetCore.Mvc;

namespace DossierTracker.Api.Dashboard.Pages;

/// <summary>The language switch: remembers the choice in a cookie and goes back to the page it was pressed on.</summary>
public sealed class LanguageModel : DashboardPageModel
{
    public override string PageTitle => Text.AppName;
    protected override bool OpenWhilePasswordMustChange => true;
    protected override bool IsAboutUnit => false;

    public IActionResult OnGet() => LocalRedirect("~/");

    public IActionResult OnPost(string? lang, string? returnUrl)
    {
        DashboardLanguage.Remember(Response, DashboardText.For(lang ?? ""));
        // Only a path of this site: an address from a form field must not send the user elsewhere.
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "~/");
    }
}
