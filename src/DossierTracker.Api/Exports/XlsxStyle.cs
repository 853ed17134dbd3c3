namespace DossierTracker.Api.Exports;

/// <summary>Cell formats of the form's workbook; each value is an index into the stylesheet's cellXfs, in this order.</summary>
internal enum XlsxStyle : uint
{
    Default,
    FormLabel,
    Title,
    Subtitle,
    UnitOfMeasure,
    Header,
    Ordinal,
    Text,
    Integer,
    Percent,
    Points,
    BoldText,
    BoldInteger,
    BoldPercent,
    BoldPoints,
    Line,
    Note,
    SignatureHeading,
    SignatureNote,
}
