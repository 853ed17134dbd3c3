using System.Globalization;
using DossierTracker.Api.Exports;
using DossierTracker.Reporting;

namespace DossierTracker.Api.Reports.Drilldown;

/// <summary>The dossiers behind a cell as CSV: the JSON field names as header, one line per item, as the late list does.</summary>
public static class DrilldownCsv
{
    private static readonly string[] Header =
        ["dossierCode", "unitCode", "unitName", "procedureCode", "channel", "receivedAt", "dueAt", "completedAt", "closedAt", "result", "onTime766"];

    public static byte[] Write(IEnumerable<DrilldownItem> items) =>
        CsvWriter.Write(Header, items.Select(i => (IReadOnlyList<object?>)
        [
            i.DossierCode, i.UnitCode, i.UnitName, i.ProcedureCode, i.Channel, i.ReceivedAt, i.DueAt, i.CompletedAt, i.ClosedAt, i.Result, i.OnTime766,
        ]));

    /// <summary><c>ho-so-bieu-06-{unit}-{first day}-{last day}-{column}.csv</c>.</summary>
    public static string FileName(string unitCode, ReportPeriod period, string column) =>
        string.Create(CultureInfo.InvariantCulture, $"ho-so-bieu-06-{unitCode}-{period.From:yyyyMMdd}-{period.To:yyyyMMdd}-{column}.csv");
}
