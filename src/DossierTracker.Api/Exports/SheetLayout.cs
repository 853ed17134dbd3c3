namespace DossierTracker.Api.Exports;

/// <summary>
/// Where a sheet's table sits: its column widths, the heading rows that printed pages repeat (from
/// <paramref name="FirstHeaderRow"/> to the column-number row) and the panes frozen right of the labels.
/// </summary>
internal sealed record SheetLayout(IReadOnlyList<double> ColumnWidths, uint FirstHeaderRow, uint NumberRow)
{
    /// <summary>STT and the unit's name stay in view while scrolling.</summary>
    public const uint FrozenColumns = 2;

    public uint FirstBodyRow => NumberRow + 1;
}
