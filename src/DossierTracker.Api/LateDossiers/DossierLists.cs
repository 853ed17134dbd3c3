using DossierTracker.Calendar;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Api.Security;

namespace DossierTracker.Api.LateDossiers;

/// <summary>The late and due-soon lists as sorted items, for the API endpoints and the dashboard alike.</summary>
public sealed class DossierLists(DossierListQueries queries, ReferenceDataCache referenceData)
{
    /// <summary>How far ahead the due-soon list looks when the caller does not say: one working day.</summary>
    public const double DefaultWithinHours = 8;

    public async Task<IReadOnlyList<DossierListItem>> LateAsync(UnitScope scope, DossierListRequest request, LateState state, ListSort sort,
        DateTimeOffset at, CancellationToken cancellationToken)
    {
        var snapshot = await referenceData.GetAsync(cancellationToken);
        var units = scope.CountedCodes(snapshot.Units, VietnamTime.LocalDate(at));
        var rows = new List<DossierListRow>();
        if (state is LateState.Open or LateState.All)
            rows.AddRange(await queries.OverdueAtAsync(at, units, request, cancellationToken));
        if (state is LateState.Completed or LateState.All)
            rows.AddRange(await queries.CompletedLateAsync(units, request, cancellationToken));
        var items = rows.DistinctBy(r => r.Code).Select(r => DossierListResponses.Item(r, snapshot, at));
        return DossierListResponses.Sort(items, sort).ToList();
    }

    /// <summary>Open, running, not yet overdue, with at most <paramref name="withinHours"/> working hours left; least left first.</summary>
    public async Task<IReadOnlyList<DossierListItem>> DueSoonAsync(UnitScope scope, DossierListRequest request, double withinHours,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var snapshot = await referenceData.GetAsync(cancellationToken);
        var until = LatestDueWithin(snapshot.Calendar, now, withinHours);
        var rows = await queries.DueBetweenAsync(now, until, scope.CountedCodes(snapshot.Units, VietnamTime.LocalDate(now)), request, cancellationToken);
        return rows.Select(r => DossierListResponses.Item(r, snapshot, now, remainingFrom: now))
            .OrderBy(i => i.RemainingWorkingHours).ThenBy(i => i.DueAt).ThenBy(i => i.DossierCode, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The latest due time with at most <paramref name="hours"/> working hours left: where that much working time runs out,
    /// extended over the non-working time that follows (a due time there has no more working time left).
    /// </summary>
    public static DateTimeOffset LatestDueWithin(DossierTracker.Calendar.WorkingCalendar calendar, DateTimeOffset now, double hours)
    {
        var end = calendar.AddWorkingTime(now, TimeSpan.FromHours(hours));
        return calendar.IsWorkingTime(end) ? end : calendar.NormaliseReceipt(end);
    }
}
