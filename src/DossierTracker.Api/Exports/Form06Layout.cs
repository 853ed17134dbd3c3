using DossierTracker.Reporting;

namespace DossierTracker.Api.Exports;

/// <summary>
/// Lays form Biểu số 06/VPCP/KSTT out on the first sheet as issued: the form's number and circular on the left and
/// the reporting and receiving units on the right, the title, the period and the unit of measure, the three header
/// rows and the column-number row merged as on the form, its 13 columns, one line per report row, and the signature
/// block. The tracker's own columns are on the second sheet (<see cref="Form06ExtrasLayout"/>).
/// </summary>
internal static class Form06Layout
{
    private const uint ColumnCount = 13;

    public static readonly SheetLayout Sheet = new(
        ColumnWidths: [6, 42, 10, 10, 12, 10, 10, 10, 10, 10, 10, 10, 10],
        FirstHeaderRow: 6,
        NumberRow: 9);

    // The left block (form number, circular) takes columns A–E, the right one (units, date, head of unit) H–M.
    private const uint LeftBlockEnd = 5;
    private const uint RightBlockStart = 8;

    /// <param name="recipient">The unit the form is filed with (<see cref="Form06Recipient"/>).</param>
    /// <param name="signedOn">The date on the signature line; null leaves it for the signer to write.</param>
    /// <remarks>The signature block goes under the filed sheet only; a compared period's sheet is for reading.</remarks>
    public static void Write(SheetCells sheet, Form06SheetView view, Form06Text text, string recipient, DateOnly? signedOn)
    {
        WriteTitleBlock(sheet, view, text, recipient);
        WriteHeader(sheet, text, view.Report.RowsBy);
        var line = Sheet.FirstBodyRow;
        foreach (var (row, ordinal) in Numbered(view.Report.Rows))
        {
            WriteRowLabel(sheet, line, row, ordinal, text);
            WriteFigures(sheet, line++, row, view.FiguresOf(row));
        }
        if (!view.IsComparison) WriteSignatures(sheet, line + 1, text, signedOn);
    }

    /// <summary>Each report row with its STT: unit, field and procedure rows are numbered 1..n, subtotal and total rows are not.</summary>
    public static IEnumerable<(Form06Row Row, int? Ordinal)> Numbered(IEnumerable<Form06Row> rows)
    {
        var ordinal = 0;
        foreach (var row in rows) yield return (row, IsSum(row) ? null : ++ordinal);
    }

    /// <summary>Columns (1) and (2), shared by both sheets so that their rows read alike.</summary>
    public static void WriteRowLabel(SheetCells sheet, uint line, Form06Row row, int? ordinal, Form06Text text)
    {
        if (ordinal is { } number) sheet.Number(line, 1, number, XlsxStyle.Ordinal);
        else sheet.Blank(line, 1, XlsxStyle.BoldText);
        sheet.Text(line, 2, text.LabelOf(row), IsSum(row) ? XlsxStyle.BoldText : XlsxStyle.Text);
    }

    public static bool IsSum(Form06Row row) => row.Kind is ReportRowKind.Subtotal or ReportRowKind.Total;

    private static void WriteTitleBlock(SheetCells sheet, Form06SheetView view, Form06Text text, string recipient)
    {
        var report = view.Report;
        sheet.MergedText(1, 1, 1, LeftBlockEnd, text.FormLabel, XlsxStyle.FormLabel);
        sheet.MergedText(2, 1, 2, LeftBlockEnd, text.IssuedWith, XlsxStyle.Note);
        sheet.MergedText(1, RightBlockStart, 1, ColumnCount, text.ReportingUnit(report.UnitName), XlsxStyle.Line);
        sheet.MergedText(2, RightBlockStart, 2, ColumnCount, text.RecipientUnit(recipient), XlsxStyle.Line);
        // Two lines' room, so a long unit name wraps instead of being cut at the page edge.
        sheet.Height(1, 30);
        sheet.Height(2, 30);

        sheet.MergedText(3, 1, 3, ColumnCount, text.Title, XlsxStyle.Title);
        sheet.Height(3, 36);
        sheet.MergedText(4, 1, 4, ColumnCount, text.PeriodLine(view), XlsxStyle.Subtitle);
        sheet.MergedText(5, 1, 5, ColumnCount, text.UnitOfMeasure, XlsxStyle.UnitOfMeasure);
    }

    private static void WriteHeader(SheetCells sheet, Form06Text text, ReportRowsBy rowsBy)
    {
        uint a = Sheet.FirstHeaderRow, b = a + 1, c = a + 2;
        void Heading(uint row, uint column, uint lastRow, uint lastColumn, string heading) =>
            sheet.MergedText(row, column, lastRow, lastColumn, heading, XlsxStyle.Header);

        Heading(a, 1, c, 1, text.Ordinal);
        Heading(a, 2, c, 2, text.RowHeading(rowsBy));
        Heading(a, 3, a, 6, text.ReceivedGroup);
        Heading(a, 7, a, 10, text.ResolvedGroup);
        Heading(a, 11, a, 13, text.InProgressGroup);

        // As on the form, "Từ kỳ trước" stands beside "Trong đó", not under it: the carried-over dossiers are part of
        // the total but not of the period's new receipts, which "Trong đó" splits by channel.
        Heading(b, 3, c, 3, text.Total);
        Heading(b, 4, b, 5, text.OfWhich);
        Heading(b, 6, c, 6, text.CarriedOver);
        Heading(b, 7, c, 7, text.Total);
        Heading(b, 8, c, 8, text.Early);
        Heading(b, 9, c, 9, text.OnTime);
        Heading(b, 10, c, 10, text.Late);
        Heading(b, 11, c, 11, text.Total);
        Heading(b, 12, c, 12, text.WithinDue);
        Heading(b, 13, c, 13, text.Overdue);

        Heading(c, 4, c, 4, text.Online);
        Heading(c, 5, c, 5, text.DirectOrPostal);

        for (var column = 1u; column <= ColumnCount; column++) sheet.Text(Sheet.NumberRow, column, $"({column})", XlsxStyle.Header);

        sheet.Height(a, 32);
        sheet.Height(b, 20);
        sheet.Height(c, 48);
    }

    private static void WriteFigures(SheetCells sheet, uint line, Form06Row row, ReportFigures f)
    {
        int[] counts =
        [
            f.Received, f.ReceivedOnline, f.ReceivedDirect, f.CarriedOver,
            f.Resolved, f.ResolvedEarly, f.ResolvedOnTime, f.ResolvedLate,
            f.InProgress, f.InProgressOnTime, f.InProgressOverdue,
        ];
        var style = IsSum(row) ? XlsxStyle.BoldInteger : XlsxStyle.Integer;
        for (var i = 0; i < counts.Length; i++) sheet.Number(line, 3 + (uint)i, counts[i], style);
    }

    private static void WriteSignatures(SheetCells sheet, uint line, Form06Text text, DateOnly? signedOn)
    {
        sheet.MergedText(line, RightBlockStart, line, ColumnCount, text.SignedOn(signedOn), XlsxStyle.SignatureNote);
        sheet.MergedText(line + 1, 1, line + 1, LeftBlockEnd, text.Preparer, XlsxStyle.SignatureHeading);
        sheet.MergedText(line + 1, RightBlockStart, line + 1, ColumnCount, text.Head, XlsxStyle.SignatureHeading);
        sheet.MergedText(line + 2, 1, line + 2, LeftBlockEnd, text.PreparerSigns, XlsxStyle.SignatureNote);
        sheet.MergedText(line + 2, RightBlockStart, line + 2, ColumnCount, text.HeadSigns, XlsxStyle.SignatureNote);
    }
}
