using DossierTracker.Calendar;

namespace DossierTracker.Dossiers;

public static class CompletionRules
{
    /// <summary>Form 06 compares local calendar dates: before the due date is early, the same date on time, later late.</summary>
    public static CompletionResult Result(DateTimeOffset completedAt, DateTimeOffset dueAt)
    {
        var completed = VietnamTime.LocalDate(completedAt);
        var due = VietnamTime.LocalDate(dueAt);
        return completed < due ? CompletionResult.Early : completed == due ? CompletionResult.OnTime : CompletionResult.Late;
    }
}
