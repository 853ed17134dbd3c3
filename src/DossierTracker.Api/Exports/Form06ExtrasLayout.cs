using DossierTracker.Reporting;

namespace DossierTracker.Api.Exports;

/// <summary>
/// The second sheet: the tracker's figures that form 06 has no column for (withdrawn or stopped dossiers, the on-time
/// rate and Decision 766 indicator 2.1 with its numerator and points), on the same rows as the form. They keep the
/// numbers (14)–(18) the dashboard's table and the glossary give them, after the form's (1) and (2).
/// </summary>
internal static class Form06ExtrasLayout
{
    public static readonly SheetLayout Sheet = new(
        ColumnWidths: [6, 42, 14, 12, 16, 18, 12],
        FirstHeaderRow: 5,
        NumberRow: 6);

    private const uint ColumnCount = 7;

    public static void Write(SheetCells sheet, Form06SheetView view, Form06Text text)
    {
        sheet.MergedText(1, 1, 1, ColumnCount, text.ExtrasTitle, XlsxStyle.Title);
        sheet.Height(1, 36);
        sheet.MergedText(2, 1, 2, ColumnCount, text.ReportingUnit(view.Report.UnitName), XlsxStyle.Subtitle);
        sheet.MergedText(3, 1, 3, ColumnCount, text.PeriodLine(view), XlsxStyle.Subtitle);

        string[] headings = [text.Ordinal, text.RowHeading(view.Report.RowsBy), text.WithdrawnOrStopped, text.OnTimeRate, text.OnTime766, text.Indicator766, text.Points766];
        string[] numbers = ["(1)", "(2)", "(14)", "(15)", "(16)", "(17)", "(18)"];
        for (var i = 0; i < headings.Length; i++)
        {
            sheet.Text(Sheet.FirstHeaderRow, (uint)i + 1, headings[i], XlsxStyle.Header);
            sheet.Text(Sheet.NumberRow, (uint)i + 1, numbers[i], XlsxStyle.Header);
        }
        sheet.Height(Sheet.FirstHeaderRow, 48);

        var line = Sheet.FirstBodyRow;
        foreach (var (row, ordinal) in Form06Layout.Numbered(view.Report.Rows))
        {
            Form06Layout.WriteRowLabel(sheet, line, row, ordinal, text);
            WriteFigures(sheet, line++, row, view.FiguresOf(row));
        }
    }

    private static void WriteFigures(SheetCells sheet, uint line, Form06Row row, ReportFigures f)
    {
        var bold = Form06Layout.IsSum(row);
        sheet.Number(line, 3, f.WithdrawnOrStopped, bold ? XlsxStyle.BoldInteger : XlsxStyle.Integer);
        Optional(sheet, line, 4, f.OnTimeRate, bold ? XlsxStyle.BoldPercent : XlsxStyle.Percent);
        sheet.Number(line, 5, f.OnTime766, bold ? XlsxStyle.BoldInteger : XlsxStyle.Integer);
        Optional(sheet, line, 6, f.Indicator766, bold ? XlsxStyle.BoldPercent : XlsxStyle.Percent);
        Optional(sheet, line, 7, f.Points766, bold ? XlsxStyle.BoldPoints : XlsxStyle.Points);
    }

    // A rate without a denominator stays an empty (bordered) cell: 0% would claim every dossier was late.
    private static void Optional(SheetCells sheet, uint line, uint column, double? value, XlsxStyle style)
    {
        if (value is { } number) sheet.Number(line, column, number, style);
        else sheet.Blank(line, column, style);
    }
}
