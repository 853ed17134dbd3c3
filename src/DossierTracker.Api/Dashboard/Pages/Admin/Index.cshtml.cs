using DossierTracker.Api.Dashboard.Admin;

namespace DossierTracker.Api.Dashboard.Pages.Admin;

/// <summary>The admin area's entry: a link to every admin page (province-wide ones marked as such).</summary>
public sealed class IndexModel : AdminPageModel
{
    public override string PageTitle => Words.Title;

    /// <summary>Whether the signed-in admin may change province-wide data (procedures, calendar years).</summary>
    public bool ChangesProvinceWide => ChangeScope.CoversProvince(ReferenceData.Units);

    public void OnGet()
    {
    }
}
