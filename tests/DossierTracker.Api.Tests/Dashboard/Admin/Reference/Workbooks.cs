using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DossierTracker.Api.Tests.Dashboard.Admin.Reference;

/// <summary>Builds a one-sheet XLSX as a spreadsheet program saves one: text as shared strings, numbers as numbers.</summary>
public static class Workbooks
{
    public static byte[] Xlsx(params object?[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    if (rows[r][c] is not { } value) continue;
                    var reference = $"{(char)('A' + c)}{r + 1}";
                    row.Append(value is string text
                        ? new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(Shared(strings.SharedStringTable, text)) }
                        : new Cell { CellReference = reference, CellValue = new CellValue(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)) });
                }
                data.Append(row);
            }
            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets()).Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Dữ liệu" });
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static int Shared(SharedStringTable table, string text)
    {
        table.AppendChild(new SharedStringItem(new Text(text)));
        return table.Count() - 1;
    }
}
