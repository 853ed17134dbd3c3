using DossierTracker.Reporting;

namespace DossierTracker.Api.Exports;

/// <summary>
/// Lays form Biểu số 06/VPCP/KSTT out on a sheet: the title block, the three header rows and the column-number
/// row merged as on the official form, then one line per report row. Columns 14–18 extend the form with
/// withdrawn/stopped dossiers, the on-time rate and Decision 766 indicator 2.1 with its numerator.
/// </summary>
internal static class Form06Layout
{
    public const uint ColumnCount = 18;
    public const uint FirstHeaderRow = 6;
    public const uint NumberRow = 9;
    public const uint FrozenColumns = 2;

    public static readonly IReadOnlyList<double> ColumnWidths = [6, 42, 10, 10, 12, 10, 10, 10, 10, 10, 10, 10, 10, 12, 11, 11, 11, 9];

    private const uint TitleRow = 2;
    private const uint FirstBodyRow = NumberRow + 1;

    public static void Write(SheetCells sheet, MonthlyReport report, Form06Text text)
    {
        WriteTitleBlock(sheet, report, text);
        WriteHeader(sheet, text);
        var ordinal = 0;
        var line = FirstBodyRow;
        foreach (var row in report.Rows) WriteBodyRow(sheet, line++, row, row.Kind == ReportRowKind.Unit ? ++ordinal : null, text);
    }

    private static void WriteTitleBlock(SheetCells sheet, MonthlyReport report, Form06Text text)
    {
        sheet.Text(1, 1, text.FormLabel, XlsxStyle.FormLabel);
        sheet.MergedText(TitleRow, 1, TitleRow, ColumnCount, text.Title, XlsxStyle.Title);
        sheet.Height(TitleRow, 36);
        sheet.MergedText(3, 1, 3, ColumnCount, text.ReportingUnit(report.UnitName), XlsxStyle.Subtitle);
        sheet.MergedText(4, 1, 4, ColumnCount, text.Period(report.Month), XlsxStyle.Subtitle);
        sheet.MergedText(5, 1, 5, ColumnCount, text.UnitOfMeasure, XlsxStyle.UnitOfMeasure);
    }

    private static void WriteHeader(SheetCells sheet, Form06Text text)
    {
        const uint a = FirstHeaderRow, b = FirstHeaderRow + 1, c = FirstHeaderRow + 2;
        void Heading(uint row, uint column, uint lastRow, uint lastColumn, string heading) =>
            sheet.MergedText(row, column, lastRow, lastColumn, heading, XlsxStyle.Header);

        Heading(a, 1, c, 1, text.Ordinal);
        Heading(a, 2, c, 2, text.UnitOrField);
        Heading(a, 3, a, 6, text.ReceivedGroup);
        Heading(a, 7, a, 10, text.ResolvedGroup);
        Heading(a, 11, a, 13, text.InProgressGroup);
        Heading(a, 14, c, 14, text.WithdrawnOrStopped);
        Heading(a, 15, c, 15, text.OnTimeRate);
        Heading(a, 16, c, 16, text.OnTime766);
        Heading(a, 17, c, 17, text.Indicator766);
        Heading(a, 18, c, 18, text.Points766);

        Heading(b, 3, c, 3, text.Total);
        Heading(b, 4, b, 6, text.OfWhich);
        Heading(b, 7, c, 7, text.Total);
        Heading(b, 8, c, 8, text.Early);
        Heading(b, 9, c, 9, text.OnTime);
        Heading(b, 10, c, 10, text.Late);
        Heading(b, 11, c, 11, text.Total);
        Heading(b, 12, c, 12, text.WithinDue);
        Heading(b, 13, c, 13, text.Overdue);

        Heading(c, 4, c, 4, text.Online);
        Heading(c, 5, c, 5, text.DirectOrPostal);
        Heading(c, 6, c, 6, text.CarriedOver);

        for (var column = 1u; column <= ColumnCount; column++) sheet.Text(NumberRow, column, $"({column})", XlsxStyle.Header);

        sheet.Height(a, 32);
        sheet.Height(b, 20);
        sheet.Height(c, 48);
    }

    /// <param name="ordinal">The STT: unit rows are numbered 1..n, subtotal and total rows are not.</param>
    private static void WriteBodyRow(SheetCells sheet, uint line, ReportRow row, int? ordinal, Form06Text text)
    {
        var bold = row.Kind != ReportRowKind.Unit;
        var f = row.Figures;

        if (ordinal is { } number) sheet.Number(line, 1, number, XlsxStyle.Ordinal);
        else sheet.Blank(line, 1, XlsxStyle.BoldText);

        sheet.Text(line, 2, Label(row, text), bold ? XlsxStyle.BoldText : XlsxStyle.Text);

        int[] counts =
        [
            f.Received, f.ReceivedOnline, f.ReceivedDirect, f.CarriedOver,
            f.Resolved, f.ResolvedEarly, f.ResolvedOnTime, f.ResolvedLate,
            f.InProgress, f.InProgressOnTime, f.InProgressOverdue,
            f.WithdrawnOrStopped,
        ];
        for (var i = 0; i < counts.Length; i++) sheet.Number(line, 3 + (uint)i, counts[i], bold ? XlsxStyle.BoldInteger : XlsxStyle.Integer);

        var percent = bold ? XlsxStyle.BoldPercent : XlsxStyle.Percent;
        Optional(sheet, line, 15, f.OnTimeRate, percent);
        sheet.Number(line, 16, f.OnTime766, bold ? XlsxStyle.BoldInteger : XlsxStyle.Integer);
        Optional(sheet, line, 17, f.Indicator766, percent);
        Optional(sheet, line, 18, f.Points766, bold ? XlsxStyle.BoldPoints : XlsxStyle.Points);
    }

    private static string Label(ReportRow row, Form06Text text) => row switch
    {
        { Kind: ReportRowKind.Unit } => row.UnitName ?? "",
        { Kind: ReportRowKind.Subtotal, Level: { } level } => text.SubtotalOf(level),
        _ => text.GrandTotal,
    };

    // A rate without a denominator stays an empty (bordered) cell: 0% would claim every dossier was late.
    private static void Optional(SheetCells sheet, uint line, uint column, double? value, XlsxStyle style)
    {
        if (value is { } number) sheet.Number(line, column, number, style);
        else sheet.Blank(line, column, style);
    }
}
