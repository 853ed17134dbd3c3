using DossierTracker.Api.Dashboard.ReportPage;
using DossierTracker.Api.LateDossiers;
using DossierTracker.Reporting;
using Microsoft.AspNetCore.WebUtilities;

namespace DossierTracker.Api.Dashboard;

/// <summary>
/// URLs between dashboard pages. The chosen unit travels as the <c>unit</c> parameter, so every page stays scoped to
/// it; it is left out when it is the user's own scope unit (the default), which keeps links short.
/// </summary>
public sealed class DashboardLinks(PathString pathBase, string? unit, string? homeUnit)
{
    public string? Unit { get; } = unit == homeUnit ? null : unit;

    /// <summary>The same links, scoped to another unit.</summary>
    public DashboardLinks ForUnit(string unitCode) => new(pathBase, unitCode, homeUnit);

    public DashboardLinks ForHome() => new(pathBase, null, homeUnit);

    public string Overview(ReportMonth? month = null) => To("/", ("month", month?.ToString()));

    public string Units() => To("/units");

    public string Late(LateState? state = null, DateOnly? from = null, DateOnly? to = null) =>
        To("/late", ("state", state is { } s ? WireNames.Of(s) : null), ("from", Iso(from)), ("to", Iso(to)));

    public string CompletedLateIn(ReportMonth month) => Late(LateState.Completed, month.FirstDay, month.LastDay);

    public string DueSoon() => To("/due-soon");

    /// <summary>The report page (or its download) with the API's parameters; without a query, the current month's.</summary>
    public string Report(ReportQuery? query = null, string? download = null) =>
        To(download is null ? "/report" : "/report/" + download, query?.Parameters().ToArray() ?? []);

    public string Report(ReportMonth month) =>
        Report(new ReportQuery(ReportPeriod.Month(month.Year, month.Month), ReportRowsBy.Unit, ReportComparison.None));

    /// <summary>The dossiers behind one figure of a report.</summary>
    public string ReportDossiers(ReportCell cell) => To("/report/dossiers", cell.Parameters().ToArray());

    public string Dossier(string code) => To("/dossiers/" + Uri.EscapeDataString(code));

    /// <summary>A dashboard path with the carried unit and the given parameters (null values left out).</summary>
    public string To(string path, params (string Name, string? Value)[] query)
    {
        var parameters = new List<KeyValuePair<string, string?>>();
        if (Unit is not null) parameters.Add(new("unit", Unit));
        parameters.AddRange(query.Where(q => !string.IsNullOrEmpty(q.Value)).Select(q => new KeyValuePair<string, string?>(q.Name, q.Value)));
        return QueryHelpers.AddQueryString(pathBase.Add(path).ToString(), parameters);
    }

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
