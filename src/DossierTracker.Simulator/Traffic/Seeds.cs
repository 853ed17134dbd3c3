namespace DossierTracker.Simulator.Traffic;

/// <summary>
/// Seeds derived from the run's seed, so that each day's traffic depends only on (seed, day): a backfill and a later
/// live run generate the same dossiers for the same day, whatever period each of them covers.
/// </summary>
internal static class Seeds
{
    /// <summary>Province 0 keeps the run's seed (its traffic is the demo province's); the others get unrelated ones.</summary>
    public static int ForProvince(int seed, int province) => province == 0 ? seed : Mix(((ulong)(uint)seed << 32) | (uint)province | 1UL << 31);

    public static int ForDay(int seed, DateOnly day) => Mix(((ulong)(uint)seed << 32) | (uint)day.DayNumber);

    // SplitMix64's finaliser: neighbouring days get unrelated seeds (System.HashCode is randomised per process).
    private static int Mix(ulong value)
    {
        value = (value ^ (value >> 30)) * 0xbf58476d1ce4e5b9UL;
        value = (value ^ (value >> 27)) * 0x94d049bb133111ebUL;
        return (int)(value ^ (value >> 31));
    }
}
