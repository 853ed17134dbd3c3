using DossierTracker.Api.ReadModel;
using DossierTracker.Calendar;
using DossierTracker.Organisation;
using DossierTracker.Procedures;
using Marten;
using Microsoft.Extensions.Options;

namespace DossierTracker.Api.ReferenceData;

/// <summary>
/// Keeps the reference data in memory (a few hundred rows that every event needs). Reloaded after a local change,
/// when older than <see cref="MaxAge"/> (changes made through another instance), and on demand when an event names
/// a code the snapshot does not know.
/// </summary>
public sealed class ReferenceDataCache(IDocumentStore store, IOptions<CalendarSettings> calendarSettings, TimeProvider time) : IWorkingCalendarSource
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile ReferenceDataSnapshot? _current;

    public async ValueTask<ReferenceDataSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        return current is not null && time.GetUtcNow() - current.LoadedAt < MaxAge ? current : await RefreshAsync(cancellationToken);
    }

    public async ValueTask<WorkingCalendar> CurrentAsync(CancellationToken cancellationToken) => (await GetAsync(cancellationToken)).Calendar;

    public async Task<ReferenceDataSnapshot> RefreshAsync(CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            await using var session = store.QuerySession();
            var units = await session.Query<Unit>().ToListAsync(cancellationToken);
            var procedures = await session.Query<Procedure>().ToListAsync(cancellationToken);
            var corrections = await CalendarCorrections.LoadAsync(session, cancellationToken);

            var tree = OrganisationTree.Build(units).Tree ?? OrganisationTree.Empty;
            var holidays = new HolidayCalendar(corrections.ToDictionary(c => c.Key, c => c.Value.ToCalendarYear()));
            var snapshot = new ReferenceDataSnapshot(
                tree,
                procedures.ToDictionary(p => p.Code, StringComparer.Ordinal),
                new WorkingCalendar(calendarSettings.Value.ToOfficeHours(), holidays),
                corrections,
                time.GetUtcNow());
            _current = snapshot;
            return snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }
}
