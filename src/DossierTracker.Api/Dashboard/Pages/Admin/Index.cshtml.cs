namespace DossierTracker.Api.Dashboard.Pages.Admin;

/// <summary>The admin area's index: one entry per admin page. Admins only, as every page under it.</summary>
public sealed class IndexModel : AccountsAndKeysPageModel
{
    public override string PageTitle => People.AdminTitle;

    public void OnGet()
    {
    }
}
