using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DossierTracker.Api.Exports;

/// <summary>
/// The stylesheet of the form's workbook. Cell formats are emitted in <see cref="XlsxStyle"/> order, so a style's
/// value is its index. Times New Roman because Vietnamese administrative documents are set in it.
/// </summary>
internal static class XlsxStylesheet
{
    // Custom number formats start at 164; lower ids are built in and differ between locales.
    private const uint IntegerFormat = 164;
    private const uint PercentFormat = 165;
    private const uint PointsFormat = 166;

    private const uint RegularFont = 0;
    private const uint BoldFont = 1;
    private const uint TitleFont = 2;
    private const uint ItalicFont = 3;

    private const uint NoBorder = 0;
    private const uint ThinBorder = 1;

    public static Stylesheet Create() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = IntegerFormat, FormatCode = "#,##0" },
            new NumberingFormat { NumberFormatId = PercentFormat, FormatCode = "0.00%" },
            new NumberingFormat { NumberFormatId = PointsFormat, FormatCode = "0.00" }) { Count = 3 },
        new Fonts(Font(), Font(bold: true), Font(bold: true, size: 13), Font(italic: true)) { Count = 4 },
        // Excel requires the first two fills to be "none" and "gray125", whatever the cells use.
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(Thin(new LeftBorder()), Thin(new RightBorder()), Thin(new TopBorder()), Thin(new BottomBorder()), new DiagonalBorder())) { Count = 2 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(Enum.GetValues<XlsxStyle>().Select(Format)) { Count = (uint)Enum.GetValues<XlsxStyle>().Length },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    private static CellFormat Format(XlsxStyle style) => style switch
    {
        XlsxStyle.Default => Cell(RegularFont, NoBorder),
        XlsxStyle.FormLabel => Cell(BoldFont, NoBorder, HorizontalAlignmentValues.Left),
        XlsxStyle.Title => Cell(TitleFont, NoBorder, HorizontalAlignmentValues.Center, wrap: true),
        XlsxStyle.Subtitle => Cell(RegularFont, NoBorder, HorizontalAlignmentValues.Center),
        XlsxStyle.UnitOfMeasure => Cell(ItalicFont, NoBorder, HorizontalAlignmentValues.Right),
        XlsxStyle.Header => Cell(BoldFont, ThinBorder, HorizontalAlignmentValues.Center, wrap: true),
        XlsxStyle.Ordinal => Cell(RegularFont, ThinBorder, HorizontalAlignmentValues.Center),
        XlsxStyle.Text => Cell(RegularFont, ThinBorder, HorizontalAlignmentValues.Left, wrap: true),
        XlsxStyle.Integer => Cell(RegularFont, ThinBorder, numberFormat: IntegerFormat),
        XlsxStyle.Percent => Cell(RegularFont, ThinBorder, numberFormat: PercentFormat),
        XlsxStyle.Points => Cell(RegularFont, ThinBorder, numberFormat: PointsFormat),
        XlsxStyle.BoldText => Cell(BoldFont, ThinBorder, HorizontalAlignmentValues.Left, wrap: true),
        XlsxStyle.BoldInteger => Cell(BoldFont, ThinBorder, numberFormat: IntegerFormat),
        XlsxStyle.BoldPercent => Cell(BoldFont, ThinBorder, numberFormat: PercentFormat),
        XlsxStyle.BoldPoints => Cell(BoldFont, ThinBorder, numberFormat: PointsFormat),
        XlsxStyle.Line => Cell(RegularFont, NoBorder, HorizontalAlignmentValues.Left, wrap: true),
        XlsxStyle.Note => Cell(ItalicFont, NoBorder, HorizontalAlignmentValues.Left),
        XlsxStyle.SignatureHeading => Cell(BoldFont, NoBorder, HorizontalAlignmentValues.Center),
        XlsxStyle.SignatureNote => Cell(ItalicFont, NoBorder, HorizontalAlignmentValues.Center),
        _ => throw new ArgumentOutOfRangeException(nameof(style), style, null),
    };

    private static CellFormat Cell(uint font, uint border, HorizontalAlignmentValues? horizontal = null, bool wrap = false, uint numberFormat = 0) =>
        new(new Alignment { Horizontal = horizontal, Vertical = VerticalAlignmentValues.Center, WrapText = wrap ? true : null })
        {
            NumberFormatId = numberFormat,
            FontId = font,
            FillId = 0,
            BorderId = border,
            FormatId = 0,
            ApplyNumberFormat = numberFormat != 0 ? true : null,
            ApplyFont = true,
            ApplyBorder = border != NoBorder ? true : null,
            ApplyAlignment = true,
        };

    private static Font Font(bool bold = false, bool italic = false, double size = 11)
    {
        var font = new Font();
        if (bold) font.Append(new Bold());
        if (italic) font.Append(new Italic());
        font.Append(new FontSize { Val = size }, new FontName { Val = "Times New Roman" }, new FontFamilyNumbering { Val = 1 });
        return font;
    }

    private static T Thin<T>(T border) where T : BorderPropertiesType
    {
        border.Style = BorderStyleValues.Thin;
        border.Color = new Color { Auto = true };
        return border;
    }
}
