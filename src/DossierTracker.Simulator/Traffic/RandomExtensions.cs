namespace DossierTracker.Simulator.Traffic;

internal static class RandomExtensions
{
    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    public static double Between(this Random random, double low, double high) => low + (high - low) * random.NextDouble();

    /// <summary>A working-time amount in whole minutes, so every generated instant stays on whole seconds.</summary>
    public static TimeSpan WorkingMinutes(this Random random, double lowHours, double highHours) =>
        TimeSpan.FromMinutes(Math.Max(1, Math.Round(random.Between(lowHours, highHours) * 60)));

    /// <summary>Index into <paramref name="cumulative"/> (ascending running totals) chosen with probability ∝ its weight.</summary>
    public static int Pick(this Random random, double[] cumulative)
    {
        var target = random.NextDouble() * cumulative[^1];
        var index = Array.BinarySearch(cumulative, target);
        return Math.Min(index < 0 ? ~index : index + 1, cumulative.Length - 1);
    }
}
