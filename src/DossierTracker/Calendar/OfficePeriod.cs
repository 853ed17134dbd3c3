namespace DossierTracker.Calendar;

/// <summary>One stretch of office hours in local time, start inclusive and end exclusive.</summary>
public sealed record OfficePeriod(TimeOnly Start, TimeOnly End)
{
    public TimeSpan Length => End - Start;
}
