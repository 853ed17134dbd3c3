using System.Net;
using DossierTracker.Api.Dashboard.Text;
using DossierTracker.Organisation;
using Microsoft.AspNetCore.Html;

namespace DossierTracker.Api.Dashboard;

/// <summary>
/// What a ceased unit's pages say above everything else: since when it no longer exists and, when it has one, the
/// successor that took it over (a link when the user may open it), so an empty page is never left unexplained.
/// </summary>
public sealed record CeasedUnitNotice(Unit? Successor, DateOnly Since, string? SuccessorLink)
{
    /// <summary>Null while the unit exists on <paramref name="today"/>.</summary>
    public static CeasedUnitNotice? For(Unit unit, DateOnly today, OrganisationTree tree, Unit? home, DashboardLinks links, string path)
    {
        if (unit.ValidTo is not { } lastDay || lastDay >= today) return null;
        var successor = unit.SuccessorCode is { } code ? tree.Find(code) : null;
        var link = successor is not null && home is not null && tree.IsInScopeOf(successor.Code, home.Code)
            ? links.ForUnit(successor.Code).To(path)
            : null;
        return new CeasedUnitNotice(successor, lastDay.AddDays(1), link);
    }

    public IHtmlContent Render(DashboardText text)
    {
        if (Successor is null) return new HtmlString(WebUtility.HtmlEncode(text.Format(text.CeasedFormat, text.Date(Since))));
        var name = WebUtility.HtmlEncode(Successor.Name);
        var successor = SuccessorLink is null ? name : $"<a href=\"{WebUtility.HtmlEncode(SuccessorLink)}\">{name}</a>";
        // The format is ours (no markup); only the successor's name is inserted as HTML, encoded above.
        return new HtmlString(text.Format(WebUtility.HtmlEncode(text.CeasedMergedFormat), successor, text.Date(Since)));
    }
}
