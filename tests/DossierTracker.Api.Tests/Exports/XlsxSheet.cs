using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DossierTracker.Api.Tests.Exports;

/// <summary>Reads back the first worksheet of an XLSX file: cell values, number formats, boldness and merges.</summary>
internal sealed class XlsxSheet
{
    private readonly Dictionary<string, Cell> _cells;
    private readonly string[] _sharedStrings;
    private readonly Stylesheet _styles;

    public XlsxSheet(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        var workbook = document.WorkbookPart!;
        var worksheet = ((WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().First().Id!)).Worksheet;

        _sharedStrings = workbook.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(item => item.InnerText).ToArray();
        _styles = (Stylesheet)workbook.WorkbookStylesPart!.Stylesheet.CloneNode(deep: true);
        _cells = worksheet.Descendants<Cell>().ToDictionary(cell => cell.CellReference!.Value!);
        Merges = worksheet.Descendants<MergeCell>().Select(merge => merge.Reference!.Value!).ToHashSet();
        FrozenAt = worksheet.Descendants<Pane>().SingleOrDefault()?.TopLeftCell?.Value;
        SheetName = workbook.Workbook.Sheets!.Elements<Sheet>().First().Name!.Value!;
    }

    public IReadOnlySet<string> Merges { get; }
    public string? FrozenAt { get; }
    public string SheetName { get; }

    public string Text(string reference) =>
        _cells.TryGetValue(reference, out var cell) && cell.DataType?.Value == CellValues.SharedString
            ? _sharedStrings[int.Parse(cell.CellValue!.Text)]
            : throw new ShouldAssertException($"{reference} holds no shared string.");

    /// <summary>The value of a numeric cell: no data type or type n, as Excel and LibreOffice read numbers.</summary>
    public double Number(string reference) =>
        _cells.TryGetValue(reference, out var cell) && (cell.DataType is null || cell.DataType.Value == CellValues.Number) && cell.CellValue is not null
            ? double.Parse(cell.CellValue.Text, System.Globalization.CultureInfo.InvariantCulture)
            : throw new ShouldAssertException($"{reference} holds no number.");

    public bool IsEmpty(string reference) => !_cells.TryGetValue(reference, out var cell) || cell.CellValue is null;

    public string NumberFormat(string reference)
    {
        var id = Format(reference).NumberFormatId!.Value;
        return _styles.NumberingFormats?.Elements<NumberingFormat>().SingleOrDefault(f => f.NumberFormatId!.Value == id)?.FormatCode!.Value
            ?? $"built-in {id}";
    }

    public bool IsBold(string reference) =>
        _styles.Fonts!.Elements<Font>().ElementAt((int)Format(reference).FontId!.Value).Bold is not null;

    public bool HasThinBorder(string reference) =>
        _styles.Borders!.Elements<Border>().ElementAt((int)Format(reference).BorderId!.Value).LeftBorder?.Style?.Value == BorderStyleValues.Thin;

    private CellFormat Format(string reference) =>
        _styles.CellFormats!.Elements<CellFormat>().ElementAt((int)(_cells[reference].StyleIndex?.Value ?? 0));
}
