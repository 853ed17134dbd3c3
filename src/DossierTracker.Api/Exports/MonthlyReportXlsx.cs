using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DossierTracker.Reporting;

namespace DossierTracker.Api.Exports;

/// <summary>The monthly report as an XLSX workbook shaped like form Biểu số 06/VPCP/KSTT, ready to print and send up.</summary>
public static class MonthlyReportXlsx
{
    /// <param name="language"><c>vi</c> for the official headings, <c>en</c> for English ones.</param>
    public static byte[] Write(MonthlyReport report, string language = "vi")
    {
        var text = Form06Text.For(language);
        var cells = new SheetCells();
        Form06Layout.Write(cells, report, text);

        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = XlsxStylesheet.Create();
            workbookPart.AddNewPart<SharedStringTablePart>().SharedStringTable = cells.ToSharedStrings();

            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
            worksheetPart.Worksheet = Worksheet(cells);

            workbookPart.Workbook = new Workbook(
                new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = 1, Name = text.SheetName }),
                new DefinedNames(PrintTitles(text.SheetName)));
        }
        return stream.ToArray();
    }

    // Child order follows the SpreadsheetML schema; the validator and Excel reject any other.
    private static Worksheet Worksheet(SheetCells cells) => new(
        new SheetProperties(new PageSetupProperties { FitToPage = true }),
        new SheetViews(FrozenHeaderView()),
        new Columns(Form06Layout.ColumnWidths.Select((width, i) => new Column
        {
            Min = (uint)i + 1, Max = (uint)i + 1, Width = width, CustomWidth = true,
        })),
        cells.ToSheetData(),
        cells.ToMergeCells(),
        new PrintOptions { HorizontalCentered = true },
        new PageMargins { Left = 0.4, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 },
        // A4 landscape, one page wide: the form has 18 columns, provinces have up to ~200 units.
        new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });

    // Scrolling keeps the headings and the unit names in view.
    private static SheetView FrozenHeaderView()
    {
        var topLeft = SheetCells.Reference(Form06Layout.NumberRow + 1, Form06Layout.FrozenColumns + 1);
        return new SheetView(
            new Pane
            {
                HorizontalSplit = Form06Layout.FrozenColumns,
                VerticalSplit = Form06Layout.NumberRow,
                TopLeftCell = topLeft,
                ActivePane = PaneValues.BottomRight,
                State = PaneStateValues.Frozen,
            },
            new Selection { Pane = PaneValues.BottomRight, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue> { InnerText = topLeft } })
        {
            WorkbookViewId = 0,
        };
    }

    // Printed pages repeat the header rows, as multi-page official reports do.
    private static DefinedName PrintTitles(string sheetName) =>
        new($"'{sheetName}'!${Form06Layout.FirstHeaderRow}:${Form06Layout.NumberRow}") { Name = "_xlnm.Print_Titles", LocalSheetId = 0 };
}
