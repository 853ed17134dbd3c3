namespace DossierTracker.Calendar;

/// <summary>
/// The office periods of a working day. Provinces set their own hours, so this is configuration;
/// the default is the one real provincial systems use (domain.md).
/// </summary>
public sealed record OfficeHours(IReadOnlyList<OfficePeriod> Periods)
{
    public static OfficeHours Default { get; } = new(
    [
        new OfficePeriod(new TimeOnly(7, 0), new TimeOnly(11, 30)),
        new OfficePeriod(new TimeOnly(13, 30), new TimeOnly(17, 0)),
    ]);

    // Copied so that a caller mutating its own list cannot break the invariants checked here.
    public IReadOnlyList<OfficePeriod> Periods { get; } = Validated(Periods);

    public TimeSpan WorkingDayLength => new(Periods.Sum(period => period.Length.Ticks));

    public TimeOnly OpeningTime => Periods[0].Start;

    public TimeOnly ClosingTime => Periods[^1].End;

    // Positional records compare lists by reference; office hours are values, so compare the periods.
    public bool Equals(OfficeHours? other) =>
        other is not null && Periods.SequenceEqual(other.Periods);

    public override int GetHashCode() =>
        Periods.Aggregate(0, (hash, period) => HashCode.Combine(hash, period));

    private static OfficePeriod[] Validated(IReadOnlyList<OfficePeriod> periods)
    {
        ArgumentNullException.ThrowIfNull(periods);
        if (periods.Count == 0)
        {
            throw new ArgumentException("Office hours need at least one period.", nameof(periods));
        }

        var copy = periods.ToArray();
        for (var i = 0; i < copy.Length; i++)
        {
            if (copy[i] is null)
            {
                throw new ArgumentException($"Office period {i} is null.", nameof(periods));
            }

            if (copy[i].Start >= copy[i].End)
            {
                throw new ArgumentException($"Office period {i} must start before it ends.", nameof(periods));
            }

            // Touching periods are allowed; overlapping or unsorted ones would count time twice.
            if (i > 0 && copy[i].Start < copy[i - 1].End)
            {
                throw new ArgumentException(
                    $"Office period {i} starts before period {i - 1} ends; periods must be sorted and not overlap.",
                    nameof(periods));
            }
        }

        return copy;
    }
}
