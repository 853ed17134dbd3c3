using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DossierTracker.Api.Dashboard.Admin;

/// <summary>
/// The first sheet of an XLSX workbook as rows of cells by column letter: shared and inline strings as text, numbers
/// (and date serials) as their stored text. Only what an upload of reference data needs.
/// </summary>
public static class XlsxSheet
{
    /// <returns>Row number (1-based, as the spreadsheet shows it) → column letters → cell text; null when the file is no workbook.</returns>
    public static SortedDictionary<int, Dictionary<string, string>>? Read(Stream stream)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(stream, false);
            var workbook = document.WorkbookPart;
            var sheet = workbook?.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (workbook is null || sheet?.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part) return null;
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
            var rows = new SortedDictionary<int, Dictionary<string, string>>();
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                var number = (int)(row.RowIndex?.Value ?? (uint)(rows.Count + 1));
                var cells = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = new string((cell.CellReference?.Value ?? "").TakeWhile(char.IsLetter).ToArray());
                    if (column.Length > 0 && Text(cell, shared) is { Length: > 0 } text) cells[column] = text.Trim();
                }
                if (cells.Count > 0) rows[number] = cells;
            }
            return rows;
        }
        catch (Exception e) when (e is InvalidDataException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or System.IO.FileFormatException
                                   or InvalidOperationException or System.Xml.XmlException)
        {
            return null;
        }
    }

    private static string? Text(Cell cell, List<string> shared)
    {
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString?.InnerText;
        var value = cell.CellValue?.Text;
        if (value is null) return null;
        if (cell.DataType?.Value == CellValues.SharedString)
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < shared.Count ? shared[index] : null;
        return value;
    }
}
