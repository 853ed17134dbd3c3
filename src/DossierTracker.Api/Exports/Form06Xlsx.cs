using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DossierTracker.Organisation;
using DossierTracker.Reporting;

namespace DossierTracker.Api.Exports;

/// <summary>
/// Form 06 of any period as an XLSX workbook ready to file: form Biểu số 06/VPCP/KSTT as issued on the first sheet, the
/// tracker's extra columns on the second; with a comparison, the same two sheets again for the compared period (the
/// filed sheets stay exactly the form).
/// </summary>
public static class Form06Xlsx
{
    /// <param name="units">The organisation tree, for the unit the form is filed with.</param>
    /// <param name="language"><c>vi</c> for the official headings, <c>en</c> for English ones.</param>
    /// <param name="signedOn">The date printed on the signature line; null leaves dots for the signer.</param>
    public static byte[] Write(Form06Report report, OrganisationTree units, string language = "vi", DateOnly? signedOn = null)
    {
        var text = Form06Text.For(language);
        var strings = new SharedStrings();
        var recipient = Form06Recipient.NameFor(report.UnitCode, units, text);
        var sheets = new List<(string Name, SheetCells Cells, SheetLayout Layout)>();
        foreach (var view in Form06SheetView.Of(report))
        {
            var form = new SheetCells(strings);
            Form06Layout.Write(form, view, text, recipient, signedOn);
            var extras = new SheetCells(strings);
            Form06ExtrasLayout.Write(extras, view, text);
            sheets.Add((text.SheetNameOf(view), form, Form06Layout.Sheet));
            sheets.Add((text.ExtrasSheetNameOf(view), extras, Form06ExtrasLayout.Sheet));
        }

        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = XlsxStylesheet.Create();
            workbookPart.AddNewPart<SharedStringTablePart>().SharedStringTable = strings.ToTable();

            var entries = new Sheets();
            var printTitles = new DefinedNames();
            for (var i = 0; i < sheets.Count; i++)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                part.Worksheet = Worksheet(sheets[i].Cells, sheets[i].Layout);
                entries.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = (uint)i + 1, Name = sheets[i].Name });
                printTitles.Append(PrintTitles(sheets[i].Name, (uint)i, sheets[i].Layout));
            }
            workbookPart.Workbook = new Workbook(entries, printTitles);
        }
        return stream.ToArray();
    }

    // Child order follows the SpreadsheetML schema; the validator and Excel reject any other.
    private static Worksheet Worksheet(SheetCells cells, SheetLayout layout) => new(
        new SheetProperties(new PageSetupProperties { FitToPage = true }),
        new SheetViews(FrozenHeaderView(layout)),
        new Columns(layout.ColumnWidths.Select((width, i) => new Column
        {
            Min = (uint)i + 1, Max = (uint)i + 1, Width = width, CustomWidth = true,
        })),
        cells.ToSheetData(),
        cells.ToMergeCells(),
        new PrintOptions { HorizontalCentered = true },
        new PageMargins { Left = 0.4, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 },
        // A4 landscape, one page wide and as many pages long as the units need (provinces have up to ~200).
        new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });

    // Scrolling keeps the headings and the unit names in view.
    private static SheetView FrozenHeaderView(SheetLayout layout)
    {
        var topLeft = SheetCells.Reference(layout.FirstBodyRow, SheetLayout.FrozenColumns + 1);
        return new SheetView(
            new Pane
            {
                HorizontalSplit = SheetLayout.FrozenColumns,
                VerticalSplit = layout.NumberRow,
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
    private static DefinedName PrintTitles(string sheetName, uint sheetIndex, SheetLayout layout) =>
        new($"'{sheetName}'!${layout.FirstHeaderRow}:${layout.NumberRow}") { Name = "_xlnm.Print_Titles", LocalSheetId = sheetIndex };
}
