namespace DossierTracker.Api.Exports;

/// <summary>
/// Working time as people count it: whole working days of 8 working hours, then hours ("2 ngày 3 giờ" rather than
/// "19 giờ"). Rounded to the hour; under an hour it is minutes, so a dossier a few minutes late never reads as on time.
/// </summary>
public readonly record struct WorkingDuration(int Days, int Hours, int Minutes)
{
    public const int HoursPerDay = 8;

    public static WorkingDuration Of(double workingHours)
    {
        var minutes = (int)Math.Round(Math.Max(0, workingHours) * 60, MidpointRounding.AwayFromZero);
        if (minutes < 60) return new(0, 0, minutes);
        var hours = (int)Math.Round(minutes / 60.0, MidpointRounding.AwayFromZero);
        return new(hours / HoursPerDay, hours % HoursPerDay, 0);
    }

    /// <summary>The duration in words: each part with its unit (<paramref name="words"/>), zero parts left out.</summary>
    public string ToText(DurationWords words)
    {
        var parts = new List<string>(2);
        if (Days > 0) parts.Add(words.Days(Days));
        if (Hours > 0) parts.Add(words.Hours(Hours));
        if (Minutes > 0 || parts.Count == 0) parts.Add(words.Minutes(Minutes));
        return string.Join(" ", parts);
    }
}

/// <summary>The units of a <see cref="WorkingDuration"/> in one language.</summary>
public sealed record DurationWords(Func<int, string> Days, Func<int, string> Hours, Func<int, string> Minutes)
{
    public static readonly DurationWords Vietnamese = new(d => $"{d} ngày", h => $"{h} giờ", m => $"{m} phút");

    public static readonly DurationWords English = new(
        d => d == 1 ? "1 day" : $"{d} days", h => h == 1 ? "1 hour" : $"{h} hours", m => m == 1 ? "1 minute" : $"{m} minutes");
}
