namespace DossierTracker.Calendar;

/// <summary>
/// The legal processing time of a procedure. Not validated here: it often arrives from outside data,
/// and <see cref="WorkingCalendar.DueTime"/> rejects negative values where they would be used.
/// </summary>
public sealed record ProcessingTime(int Value, ProcessingTimeUnit Unit);
