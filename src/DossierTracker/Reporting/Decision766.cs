using DossierTracker.Dossiers;

namespace DossierTracker.Reporting;

/// <summary>
/// Decision 766/QĐ-TTg indicator 2.1 as contract version 2 states it: the portal judges every dossier by its end of
/// processing against its due time, comparing instants. A dossier counted in received (3) of a period is on time when
/// <list type="bullet">
/// <item>it was completed, withdrawn or stopped in the period at or before the effective due time in force at that
/// moment (events at that very instant count);</item>
/// <item>it is open and running at the end of the period (events strictly before the end count) and its effective due
/// time is not before the end;</item>
/// <item>it is paused at the end and the pause then in force began at or before the due time in force when it began:
/// the request is its end of processing, and a second pause while paused does not restart it;</item>
/// </list>
/// except that two supplement requests before the end (over its whole history) make it never on time.
/// </summary>
public static class Decision766
{
    /// <summary>Whether <paramref name="dossier"/> counts in the numerator of a period ending at <paramref name="periodEnd"/>.</summary>
    /// <remarks>The dossier must count in the period's received (3): received before the end and not closed before
    /// the start. Its folded state may run past the period; only what happened before the end is read.</remarks>
    public static bool IsOnTime(Dossier dossier, DateTimeOffset periodEnd)
    {
        if (dossier.SecondSupplementRequestAt is { } second && second < periodEnd) return false;
        if (dossier.ClosedAt is { } closed && closed < periodEnd) return dossier.ClosedWithinDue == true;

        var atEnd = dossier.PhaseBefore(periodEnd);
        return atEnd.IsPaused ? atEnd.From <= atEnd.DueAt : atEnd.DueAt >= periodEnd;
    }

    /// <summary>
    /// How the dossier stands now: once closed, judged at its close; while open, as if the period ended now. Events
    /// may be dated a few minutes ahead of the clock, so "now" is never taken before the dossier's last close or receipt.
    /// </summary>
    public static bool IsOnTimeAsOf(Dossier dossier, DateTimeOffset now)
    {
        var lastFact = dossier.ClosedAt ?? dossier.ReceivedAt;
        return IsOnTime(dossier, now > lastFact ? now : lastFact.AddTicks(1));
    }
}
