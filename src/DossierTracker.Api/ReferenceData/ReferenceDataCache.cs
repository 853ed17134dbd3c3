using System.Diagnostics;
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
/// a code the snapshot does not know. Callers that ask at once share one load: a caller served by any young snapshot,
/// or by one whose load began after it asked, takes the one loaded while it waited instead of loading again.
/// </summary>
public sealed class ReferenceDataCache(IDocumentStore store, IOptions<CalendarSettings> calendarSettings, TimeProvider time) : IWorkingCalendarSource
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile ReferenceDataSnapshot? _current;
    // When the load of _current began (Stopwatch, real time whatever the clock says): it shows every change committed before.
    private long _currentBegan;

    public async ValueTask<ReferenceDataSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        return current is not null && Young(current) ? current : await LoadAsync(askedAt: null, cancellationToken);
    }

    public async ValueTask<WorkingCalendar> CurrentAsync(CancellationToken cancellationToken) => (await GetAsync(cancellationToken)).Calendar;

    /// <summary>A snapshot loaded after this call began, so that it shows every change committed before the call.</summary>
    public Task<ReferenceDataSnapshot> RefreshAsync(CancellationToken cancellationToken) => LoadAsync(Stopwatch.GetTimestamp(), cancellationToken);

    private bool Young(ReferenceDataSnapshot snapshot) => time.GetUtcNow() - snapshot.LoadedAt < MaxAge;

    /// <param name="askedAt">The snapshot must have begun loading at or after this instant; null: any young snapshot will do.</param>
    private async Task<ReferenceDataSnapshot> LoadAsync(long? askedAt, CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            // A load done while this caller waited serves it: otherwise each caller that found the snapshot stale loaded
            // it again in turn behind the lock.
            if (_current is { } shared && (askedAt is { } asked ? _currentBegan >= asked : Young(shared))) return shared;
            var began = Stopwatch.GetTimestamp();
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
            (_current, _currentBegan) = (snapshot, began);
            return snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }
}
