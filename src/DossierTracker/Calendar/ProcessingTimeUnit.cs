namespace DossierTracker.Calendar;

public enum ProcessingTimeUnit
{
    WorkingDays,
    WorkingHours,
    CalendarDays,
}
