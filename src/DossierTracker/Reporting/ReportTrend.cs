namespace DossierTracker.Reporting;

/// <summary>
/// Month by month figures of a unit's subtree. When the last month is still running it is counted up to
/// <see cref="AsOf"/> and the trend is <see cref="Provisional"/>.
/// </summary>
public sealed record ReportTrend(IReadOnlyList<TrendPoint> Months, bool Provisional, DateTimeOffset? AsOf);
