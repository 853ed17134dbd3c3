namespace DossierTracker.LoadBench;

public static class SoakFigures
{
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1))];

    /// <summary>Least-squares slope of RSS over time, in MB per minute.</summary>
    public static double SlopePerMinute(IReadOnlyList<(TimeSpan At, double RssMb)> samples)
    {
        if (samples.Count < 2) return 0;
        var xs = samples.Select(s => s.At.TotalMinutes).ToArray();
        var (meanX, meanY) = (xs.Average(), samples.Average(s => s.RssMb));
        var covariance = samples.Select((s, i) => (xs[i] - meanX) * (s.RssMb - meanY)).Sum();
        var variance = xs.Sum(x => (x - meanX) * (x - meanX));
        return variance == 0 ? 0 : covariance / variance;
    }
}
