namespace DossierTracker.Api.Dashboard.ReportPage;

/// <summary>
/// How a figure moved from the compared period to this one. A count changes by dossiers (and by a share of the earlier
/// count when there was one); a rate by percentage points, since "up 5%" of a 90% rate is ambiguous.
/// </summary>
public sealed record FigureChange(double Difference, double? Relative)
{
    public int Sign => Math.Sign(Difference);

    public static FigureChange Of(int current, int previous) =>
        new(current - previous, previous == 0 ? null : (double)(current - previous) / previous);

    /// <summary>Rates are fractions 0..1; the difference is in percentage points. None when either rate is undefined.</summary>
    public static FigureChange? Of(double? current, double? previous) =>
        current is { } now && previous is { } then ? new((now - then) * 100, null) : null;
}
