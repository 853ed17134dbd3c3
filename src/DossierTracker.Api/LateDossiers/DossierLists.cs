using DossierTracker.Api.Http;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Calendar;
using DossierTracker.Organisation;
using DossierTracker.Api.Security;

namespace DossierTracker.Api.LateDossiers;

/// <summary>The late and due-soon lists as sorted items, for the API endpoints and the dashboard alike.</summary>
public sealed class DossierLists(DossierListQueries queries, ReferenceDataCache referenceData)
{
    /// <summary>How far ahead the due-soon list looks when the caller does not say: one working day.</summary>
    public const double DefaultWithinHours = 8;

    /// <summary>
    /// The page <paramref name="paging"/> of the late list. SQL sorts each part (open at <paramref name="at"/> and still
    /// running, open then and completed since, completed late) and reads only its rows up to the page's end; the page
    /// is cut here from the merge of those parts.
    /// </summary>
    public async Task<DossierListPage> LateAsync(UnitScope scope, DossierListRequest request, LateState state, ListSort sort,
        DateTimeOffset at, ListPaging paging, CancellationToken cancellationToken)
    {
        var snapshot = await referenceData.GetAsync(cancellationToken);
        var units = Units(scope, snapshot.Units, VietnamTime.LocalDate(at));
        request = request.WithProcedures(snapshot.Procedures);
        if (state == LateState.Completed)
        {
            var completed = await queries.CompletedLateAsync(units, request, sort, paging.Offset, paging.PageSize, notOverdueAt: null, cancellationToken);
            return new DossierListPage(completed.Total, paging.Page, paging.PageSize, completed.Rows.Select(r => DossierListResponses.Item(r, snapshot, at)).ToList());
        }

        var open = await queries.OverdueAtAsync(at, units, request, sort, paging.Offset + paging.PageSize, cancellationToken);
        var total = open.Total;
        var rows = open.Rows.AsEnumerable();
        if (state == LateState.All)
        {
            // The page's rows are among the open ones and the completed ones up to the page's end.
            var completed = await queries.CompletedLateAsync(units, request, sort, 0, paging.Offset + paging.PageSize, notOverdueAt: at, cancellationToken);
            total += completed.Total;
            rows = rows.Concat(completed.Rows);
        }
        var sorted = DossierListResponses.Sort(rows.Select(r => DossierListResponses.Item(r, snapshot, at)), sort);
        return new DossierListPage(total, paging.Page, paging.PageSize, paging.Of(sorted).ToList());
    }

    /// <summary>How many dossiers are open and overdue at <paramref name="at"/> (the open late list's total).</summary>
    public async Task<int> CountOverdueAsync(UnitScope scope, DossierListRequest request, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var snapshot = await referenceData.GetAsync(cancellationToken);
        return await queries.CountOverdueAtAsync(at, Units(scope, snapshot.Units, VietnamTime.LocalDate(at)), request.WithProcedures(snapshot.Procedures), cancellationToken);
    }

    /// <summary>Open, running, not yet overdue, with at most <paramref name="withinHours"/> working hours left; least left first.</summary>
    public async Task<IReadOnlyList<DossierListItem>> DueSoonAsync(UnitScope scope, DossierListRequest request, double withinHours,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var snapshot = await referenceData.GetAsync(cancellationToken);
        var until = LatestDueWithin(snapshot.Calendar, now, withinHours);
        var rows = await queries.DueBetweenAsync(now, until, Units(scope, snapshot.Units, VietnamTime.LocalDate(now)), request.WithProcedures(snapshot.Procedures), cancellationToken);
        return rows.Select(r => DossierListResponses.Item(r, snapshot, now, remainingFrom: now))
            .OrderBy(i => i.RemainingWorkingHours).ThenBy(i => i.DueAt).ThenBy(i => i.DossierCode, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>How many dossiers the due-soon list has.</summary>
    public async Task<int> CountDueSoonAsync(UnitScope scope, DossierListRequest request, double withinHours, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var snapshot = await referenceData.GetAsync(cancellationToken);
        var until = LatestDueWithin(snapshot.Calendar, now, withinHours);
        return await queries.CountDueBetweenAsync(now, until, Units(scope, snapshot.Units, VietnamTime.LocalDate(now)), request.WithProcedures(snapshot.Procedures), cancellationToken);
    }

    /// <summary>
    /// The units whose dossiers the scope counts on <paramref name="day"/>, or null when that is every unit of the tree
    /// (a province's supervisor): every dossier's unit is in the tree, so SQL then tests no unit at all. Tested row by
    /// row, a province's 180 units cost more than the rest of the list (at 1M dossiers, 1.2 s of the first page of
    /// those completed late).
    /// </summary>
    private static string[]? Units(UnitScope scope, OrganisationTree tree, DateOnly day)
    {
        var units = scope.CountedCodes(tree, day);
        return units.Length == tree.Units.Count ? null : units;
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
