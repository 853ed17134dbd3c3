namespace DossierTracker.Calendar;

/// <summary>A date of the Vietnamese lunar calendar; a leap month repeats the number of the month before it.</summary>
public readonly record struct LunarDate(int Year, int Month, int Day, bool IsLeapMonth);
