using DossierTracker.Reporting;

namespace DossierTracker.Api.Exports;

/// <summary>The monthly report as CSV, one line per report row, with the JSON field names of the contract as header.</summary>
public static class MonthlyReportCsv
{
    private static readonly string[] Header =
    [
        "kind", "unitCode", "unitName", "level",
        "received", "receivedOnline", "receivedDirect", "carriedOver",
        "resolved", "resolvedEarly", "resolvedOnTime", "resolvedLate",
        "inProgress", "inProgressOnTime", "inProgressOverdue",
        "withdrawnOrStopped", "onTime766", "onTimeRate", "indicator766", "points766",
    ];

    public static byte[] Write(MonthlyReport report) => CsvWriter.Write(Header, report.Rows.Select(Fields));

    private static object?[] Fields(ReportRow row)
    {
        var f = row.Figures;
        return
        [
            row.Kind, row.UnitCode, row.UnitName, row.Level,
            f.Received, f.ReceivedOnline, f.ReceivedDirect, f.CarriedOver,
            f.Resolved, f.ResolvedEarly, f.ResolvedOnTime, f.ResolvedLate,
            f.InProgress, f.InProgressOnTime, f.InProgressOverdue,
            f.WithdrawnOrStopped, f.OnTime766, f.OnTimeRate, f.Indicator766, f.Points766,
        ];
    }
}
