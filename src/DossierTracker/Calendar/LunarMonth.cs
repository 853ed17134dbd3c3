namespace DossierTracker.Calendar;

/// <summary>One month of the lunar calendar, placed on the solar calendar by Julian day numbers.</summary>
internal readonly record struct LunarMonth(int LunarYear, int Number, bool IsLeap, int FirstDay, int Length);
