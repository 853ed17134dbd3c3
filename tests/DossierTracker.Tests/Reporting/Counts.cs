using DossierTracker.Reporting;

namespace DossierTracker.Tests.Reporting;

/// <summary>Readable counts for tests: only the columns a test cares about are named.</summary>
internal static class Counts
{
    public static UnitMonthCounts Of(
        int receivedOnline = 0,
        int receivedDirect = 0,
        int carriedOver = 0,
        int resolvedEarly = 0,
        int resolvedOnTime = 0,
        int resolvedLate = 0,
        int onTime766 = 0,
        int inProgressOnTime = 0,
        int inProgressOverdue = 0,
        int withdrawnOrStopped = 0) =>
        new(receivedOnline, receivedDirect, carriedOver, resolvedEarly, resolvedOnTime, resolvedLate,
            onTime766, inProgressOnTime, inProgressOverdue, withdrawnOrStopped);
}
