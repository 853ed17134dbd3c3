namespace DossierTracker.Api.Dashboard.Charts;

/// <summary>Puts each label in the first row where it does not overlap the previous one; right-aligned near the end.</summary>
internal sealed class LabelRows(double[] rows, double rightEdge)
{
    // A rough width of a label character at the chart's font size, to keep labels apart.
    private const double CharacterWidth = 6.2;
    private readonly double[] _freeFrom = rows.Select(_ => double.MinValue).ToArray();

    public (double Y, string Anchor) Place(double x, string label)
    {
        var width = label.Length * CharacterWidth;
        var anchor = x + width > rightEdge ? "end" : "start";
        var left = anchor == "end" ? x - width : x;
        var row = Array.FindIndex(_freeFrom, free => free <= left);
        if (row < 0) row = Array.IndexOf(_freeFrom, _freeFrom.Min());
        _freeFrom[row] = left + width + 8;
        return (rows[row], anchor);
    }
}
