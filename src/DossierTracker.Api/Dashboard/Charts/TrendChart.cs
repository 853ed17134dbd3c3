using System.Text;
using DossierTracker.Reporting;

namespace DossierTracker.Api.Dashboard.Charts;

/// <summary>
/// Geometry of the 12-month line chart of the on-time rate and indicator 766 (both fractions 0..1), drawn as inline
/// SVG by the overview. A month without a value (nothing resolved, nothing received) breaks the line.
/// </summary>
public sealed class TrendChart
{
    public const double Width = 720;
    public const double Height = 260;
    public const double Left = 60;
    // Room for half a month label at the right end, at the larger lettering of phones.
    public const double Right = 30;
    public const double Top = 16;
    public const double Bottom = 40;
    public const double PlotBottom = Height - Bottom;

    public sealed record Month(TrendPoint Point, double X, double? OnTimeY, double? Indicator766Y);

    public sealed record GridLine(double Y, int Percent);

    private TrendChart(IReadOnlyList<Month> months) => Months = months;

    public IReadOnlyList<Month> Months { get; }

    public static IReadOnlyList<GridLine> GridLines { get; } = [.. new[] { 0, 25, 50, 75, 100 }.Select(p => new GridLine(Y(p / 100.0), p))];

    public string OnTimePath => Path(Months.Select(m => (m.X, m.OnTimeY)));

    public string Indicator766Path => Path(Months.Select(m => (m.X, m.Indicator766Y)));

    public static TrendChart Of(IReadOnlyList<TrendPoint> points)
    {
        var step = points.Count > 1 ? (Width - Left - Right) / (points.Count - 1) : 0;
        return new TrendChart(points.Select((p, i) => new Month(p, Left + (i * step), Y(p.Figures.OnTimeRate), Y(p.Figures.Indicator766))).ToList());
    }

    private static double? Y(double? fraction) => fraction is { } f ? Y(f) : null;

    private static double Y(double fraction) => Top + ((1 - Math.Clamp(fraction, 0, 1)) * (PlotBottom - Top));

    private static string Path(IEnumerable<(double X, double? Y)> points)
    {
        var path = new StringBuilder();
        var drawing = false;
        foreach (var (x, y) in points)
        {
            if (y is not { } value)
            {
                drawing = false;
                continue;
            }
            path.Append(drawing ? " L" : " M").Append(Svg.N(x)).Append(' ').Append(Svg.N(value));
            drawing = true;
        }
        return path.ToString().Trim();
    }
}
