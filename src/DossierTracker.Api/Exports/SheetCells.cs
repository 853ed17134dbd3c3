using DocumentFormat.OpenXml.Spreadsheet;

namespace DossierTracker.Api.Exports;

/// <summary>
/// Collects a worksheet's cells in any order and emits them sorted, as SpreadsheetML requires. Text goes into a
/// workbook's shared-string table; every cell of a merged range is written with the range's style so borders show all round.
/// </summary>
internal sealed class SheetCells(SharedStrings strings)
{
    private readonly SortedDictionary<uint, SortedDictionary<uint, Cell>> _rows = [];
    private readonly Dictionary<uint, double> _heights = [];
    private readonly List<string> _merges = [];

    public void Text(uint row, uint column, string text, XlsxStyle style) =>
        Put(row, column, new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(strings.IndexOf(text)) }, style);

    public void Number(uint row, uint column, double value, XlsxStyle style) =>
        Put(row, column, new Cell { CellValue = new CellValue(value) }, style);

    public void Blank(uint row, uint column, XlsxStyle style) => Put(row, column, new Cell(), style);

    /// <summary>Text in a merged range from (row, column) to (lastRow, lastColumn), both corners included.</summary>
    public void MergedText(uint row, uint column, uint lastRow, uint lastColumn, string text, XlsxStyle style)
    {
        for (var r = row; r <= lastRow; r++)
        {
            for (var c = column; c <= lastColumn; c++) Blank(r, c, style);
        }
        Text(row, column, text, style);
        if (row != lastRow || column != lastColumn) _merges.Add($"{Reference(row, column)}:{Reference(lastRow, lastColumn)}");
    }

    public void Height(uint row, double points) => _heights[row] = points;

    public SheetData ToSheetData() => new(_rows.Select(row =>
    {
        var element = new Row(row.Value.Values) { RowIndex = row.Key };
        if (_heights.TryGetValue(row.Key, out var height)) (element.Height, element.CustomHeight) = (height, true);
        return element;
    }));

    public MergeCells ToMergeCells() =>
        new(_merges.Select(reference => new MergeCell { Reference = reference })) { Count = (uint)_merges.Count };

    /// <summary>An A1-style reference: column 1 is A, 27 is AA.</summary>
    public static string Reference(uint row, uint column)
    {
        var letters = "";
        for (var c = column; c > 0; c = (c - 1) / 26) letters = (char)('A' + (c - 1) % 26) + letters;
        return letters + row;
    }

    private void Put(uint row, uint column, Cell cell, XlsxStyle style)
    {
        cell.CellReference = Reference(row, column);
        cell.StyleIndex = (uint)style;
        if (!_rows.TryGetValue(row, out var cells)) _rows[row] = cells = [];
        cells[column] = cell;
    }
}
