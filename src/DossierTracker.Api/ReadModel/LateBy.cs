using DossierTracker.Calendar;
using DossierTracker.Dossiers;

namespace DossierTracker.Api.ReadModel;

/// <summary>The working calendar in force, for the read-model values that count working time.</summary>
public interface IWorkingCalendarSource
{
    ValueTask<WorkingCalendar> CurrentAsync(CancellationToken cancellationToken);
}

/// <summary>
/// How late a dossier is in working hours, as the lists show it (to 0.01 h). The read model stores it for completed
/// dossiers (<c>late_by</c>), so the list of those completed late is sorted and paged by SQL.
/// </summary>
public static class LateBy
{
    /// <summary>Working hours from <paramref name="dueAt"/> to <paramref name="until"/>; zero when not after it.</summary>
    public static double Hours(WorkingCalendar calendar, DateTimeOffset dueAt, DateTimeOffset until) =>
        Math.Round(calendar.WorkingTimeBetween(dueAt, until).TotalHours, 2);

    /// <summary>From the due time to completion; null while not completed.</summary>
    public static double? AtCompletion(WorkingCalendar calendar, Dossier dossier) =>
        dossier.CompletedAt is { } completed ? Hours(calendar, dossier.DueAt, completed) : null;

    /// <summary>
    /// From the due time in force during <paramref name="period"/> to the dossier's completion; null while not completed.
    /// The late list at an instant in that period shows this for a dossier completed since.
    /// </summary>
    public static double? OfPeriod(WorkingCalendar calendar, Dossier dossier, DossierPeriod period) =>
        dossier.CompletedAt is { } completed ? Hours(calendar, period.DueAt, completed) : null;
}
