using DossierTracker.Reporting;

namespace DossierTracker.Api.Exports;

/// <summary>
/// Form 06 as CSV, one line per report row under the JSON field names of the contract: the names of what the rows are
/// (unit, field or procedure), the figures, and with a comparison the compared period's figures as
/// <c>previous.received</c>, ... (the JSON path of each).
/// </summary>
public static class Form06Csv
{
    private static readonly string[] Figures =
    [
        "received", "receivedOnline", "receivedDirect", "carriedOver",
        "resolved", "resolvedEarly", "resolvedOnTime", "resolvedLate",
        "inProgress", "inProgressOnTime", "inProgressOverdue",
        "withdrawnOrStopped", "onTime766", "onTimeRate", "indicator766", "points766",
    ];

    /// <param name="withHeading">Put the period (and the provisional note, and the compared period) above the table, as
    /// form 06 reports do; the monthly report of contract version 1 leaves it out, so its clients keep reading a plain table.</param>
    /// <param name="language"><c>vi</c> or <c>en</c>, for the heading.</param>
    public static byte[] Write(Form06Report report, bool withHeading = true, string language = "vi")
    {
        var compared = report.ComparedWith is not null;
        string[] header = [.. NameColumns(report.RowsBy), .. Figures, .. compared ? Figures.Select(f => "previous." + f) : []];
        var rows = report.Rows.Select(row => (IReadOnlyList<object?>)
            [.. Names(row, report.RowsBy), .. Values(row.Figures), .. compared ? Values(row.Previous!) : []]);
        return CsvWriter.Write(header, rows, withHeading ? Heading(report, Form06Text.For(language)) : null);
    }

    private static List<string> Heading(Form06Report report, Form06Text text)
    {
        var lines = new List<string> { text.ReportingUnit(report.UnitName), text.Period(report.Period) };
        if (report.AsOf is { } asOf) lines.Add(text.Provisional(asOf));
        if (report.ComparedWith is { } compared) lines.Add(text.Period(compared, compared: true));
        return lines;
    }

    private static string[] NameColumns(ReportRowsBy rowsBy) => rowsBy switch
    {
        ReportRowsBy.Field => ["kind", "fieldCode", "fieldName"],
        ReportRowsBy.Procedure => ["kind", "procedureCode", "procedureName"],
        _ => ["kind", "unitCode", "unitName", "level"],
    };

    private static object?[] Names(Form06Row row, ReportRowsBy rowsBy) => rowsBy switch
    {
        ReportRowsBy.Field => [row.Kind, row.FieldCode, row.FieldName],
        ReportRowsBy.Procedure => [row.Kind, row.ProcedureCode, row.ProcedureName],
        _ => [row.Kind, row.UnitCode, row.UnitName, row.Level],
    };

    private static object?[] Values(ReportFigures f) =>
    [
        f.Received, f.ReceivedOnline, f.ReceivedDirect, f.CarriedOver,
        f.Resolved, f.ResolvedEarly, f.ResolvedOnTime, f.ResolvedLate,
        f.InProgress, f.InProgressOnTime, f.InProgressOverdue,
        f.WithdrawnOrStopped, f.OnTime766, f.OnTimeRate, f.Indicator766, f.Points766,
    ];
}
