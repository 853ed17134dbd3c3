using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DossierTracker.Api.Tests.Exports;

/// <summary>
/// Reads back one worksheet of an XLSX file (the first unless told): cell values, number formats, boldness, merges,
/// page setup and print titles, and renders its top rows as a plain-text cell map for reviewers.
/// </summary>
internal sealed class XlsxSheet
{
    private readonly Dictionary<string, Cell> _cells;
    private readonly string[] _sharedStrings;
    private readonly Stylesheet _styles;

    public XlsxSheet(byte[] bytes, int sheetIndex = 0)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        var worksheet = ((WorksheetPart)workbook.GetPartById(sheets[sheetIndex].Id!)).Worksheet;

        _sharedStrings = workbook.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(item => item.InnerText).ToArray();
        _styles = (Stylesheet)workbook.WorkbookStylesPart!.Stylesheet.CloneNode(deep: true);
        _cells = worksheet.Descendants<Cell>().ToDictionary(cell => cell.CellReference!.Value!);
        Merges = worksheet.Descendants<MergeCell>().Select(merge => merge.Reference!.Value!).ToHashSet();
        FrozenAt = worksheet.Descendants<Pane>().SingleOrDefault()?.TopLeftCell?.Value;
        SheetNames = sheets.Select(sheet => sheet.Name!.Value!).ToList();
        SheetName = SheetNames[sheetIndex];
        PageSetup = (PageSetup)worksheet.Descendants<PageSetup>().Single().CloneNode(deep: true);
        FitsToPage = worksheet.Descendants<PageSetupProperties>().SingleOrDefault()?.FitToPage?.Value == true;
        PrintTitles = workbook.Workbook.DefinedNames?.Elements<DefinedName>()
            .SingleOrDefault(name => name.Name == "_xlnm.Print_Titles" && name.LocalSheetId?.Value == (uint)sheetIndex)?.Text;
    }

    public IReadOnlySet<string> Merges { get; }
    public string? FrozenAt { get; }
    public string SheetName { get; }
    public IReadOnlyList<string> SheetNames { get; }
    public PageSetup PageSetup { get; }
    public bool FitsToPage { get; }
    public string? PrintTitles { get; }

    public string Text(string reference) =>
        _cells.TryGetValue(reference, out var cell) && cell.DataType?.Value == CellValues.SharedString
            ? _sharedStrings[int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)]
            : throw new ShouldAssertException($"{reference} holds no shared string.");

    /// <summary>The value of a numeric cell: no data type or type n, as Excel and LibreOffice read numbers.</summary>
    public double Number(string reference) =>
        _cells.TryGetValue(reference, out var cell) && (cell.DataType is null || cell.DataType.Value == CellValues.Number) && cell.CellValue is not null
            ? double.Parse(cell.CellValue.Text, CultureInfo.InvariantCulture)
            : throw new ShouldAssertException($"{reference} holds no number.");

    public bool IsEmpty(string reference) => !_cells.TryGetValue(reference, out var cell) || cell.CellValue is null;

    /// <summary>The texts of a row's cells, left to right, skipping empty cells.</summary>
    public IReadOnlyList<string> TextsOfRow(int row) =>
        _cells.Values
            .Where(cell => RowOf(cell.CellReference!.Value!) == row && cell.DataType?.Value == CellValues.SharedString)
            .OrderBy(cell => ColumnOf(cell.CellReference!.Value!))
            .Select(cell => Text(cell.CellReference!.Value!))
            .ToList();

    /// <summary>The row that holds <paramref name="text"/>, or null.</summary>
    public int? RowHolding(string text) =>
        _cells.Values.Where(cell => cell.DataType?.Value == CellValues.SharedString && Text(cell.CellReference!.Value!) == text)
            .Select(cell => (int?)RowOf(cell.CellReference!.Value!)).Min();

    public string NumberFormat(string reference)
    {
        var id = Format(reference).NumberFormatId!.Value;
        return _styles.NumberingFormats?.Elements<NumberingFormat>().SingleOrDefault(f => f.NumberFormatId!.Value == id)?.FormatCode!.Value
            ?? $"built-in {id}";
    }

    public bool IsBold(string reference) =>
        _styles.Fonts!.Elements<Font>().ElementAt((int)Format(reference).FontId!.Value).Bold is not null;

    public bool IsItalic(string reference) =>
        _styles.Fonts!.Elements<Font>().ElementAt((int)Format(reference).FontId!.Value).Italic is not null;

    public bool HasThinBorder(string reference) =>
        _styles.Borders!.Elements<Border>().ElementAt((int)Format(reference).BorderId!.Value).LeftBorder?.Style?.Value == BorderStyleValues.Thin;

    /// <summary>
    /// Rows 1 to <paramref name="lastRow"/> as a grid of cells <paramref name="width"/> characters wide: a merged range's
    /// text at its top-left cell, "<" and "^" in the cells it covers; then every text in full and the merges.
    /// </summary>
    public string CellMap(int lastRow, int lastColumn, int width = 14)
    {
        var covered = new Dictionary<(int Row, int Column), char>();
        foreach (var merge in Merges)
        {
            var corners = merge.Split(':');
            var (top, left, bottom, right) = (RowOf(corners[0]), ColumnOf(corners[0]), RowOf(corners[1]), ColumnOf(corners[1]));
            for (var r = top; r <= bottom; r++)
            {
                for (var c = left; c <= right; c++)
                {
                    if ((r, c) != (top, left)) covered[(r, c)] = r == top ? '<' : '^';
                }
            }
        }

        var map = new StringBuilder($"Sheet '{SheetName}', rows 1–{lastRow}, columns A–{ColumnName(lastColumn)}\n\n");
        map.Append("    |").AppendJoin("|", Enumerable.Range(1, lastColumn).Select(c => Fit(ColumnName(c), width))).Append("|\n");
        for (var r = 1; r <= lastRow; r++)
        {
            map.Append(CultureInfo.InvariantCulture, $"{r,3} |");
            map.AppendJoin("|", Enumerable.Range(1, lastColumn).Select(c =>
                Fit(covered.TryGetValue((r, c), out var mark) ? mark.ToString() : Display(ColumnName(c) + r), width))).Append("|\n");
        }

        map.Append("\nTexts in full\n");
        foreach (var cell in _cells.Values.Where(cell => cell.DataType?.Value == CellValues.SharedString && RowOf(cell.CellReference!.Value!) <= lastRow)
                     .OrderBy(cell => RowOf(cell.CellReference!.Value!)).ThenBy(cell => ColumnOf(cell.CellReference!.Value!)))
            map.Append(CultureInfo.InvariantCulture, $"  {cell.CellReference!.Value}: {Text(cell.CellReference!.Value!)}\n");
        map.Append("\nMerges: ").AppendJoin(", ", Merges.OrderBy(merge => RowOf(merge.Split(':')[0])).ThenBy(merge => ColumnOf(merge))).Append('\n');
        map.Append(CultureInfo.InvariantCulture,
            $"Page: paper size {PageSetup.PaperSize?.Value}, {PageSetup.Orientation?.InnerText}, fit to {PageSetup.FitToWidth?.Value} wide × {PageSetup.FitToHeight?.Value} tall; print titles {PrintTitles}\n");
        return map.ToString();
    }

    private string Display(string reference) =>
        !_cells.TryGetValue(reference, out var cell) || cell.CellValue is null ? ""
        : cell.DataType?.Value == CellValues.SharedString ? Text(reference)
        : Number(reference).ToString("0.####", CultureInfo.InvariantCulture);

    private static string Fit(string text, int width) => text.Length <= width ? text.PadRight(width) : text[..(width - 1)] + "…";

    private static int RowOf(string reference) => int.Parse(reference.AsSpan(reference.IndexOfAny("0123456789".ToCharArray())), CultureInfo.InvariantCulture);

    private static int ColumnOf(string reference) =>
        reference.TakeWhile(char.IsAsciiLetterUpper).Aggregate(0, (column, letter) => column * 26 + letter - 'A' + 1);

    private static string ColumnName(int column)
    {
        var letters = "";
        for (var c = column; c > 0; c = (c - 1) / 26) letters = (char)('A' + (c - 1) % 26) + letters;
        return letters;
    }

    private CellFormat Format(string reference) =>
        _styles.CellFormats!.Elements<CellFormat>().ElementAt((int)(_cells[reference].StyleIndex?.Value ?? 0));
}
