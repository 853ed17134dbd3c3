using System.Runtime.InteropServices;
using System.Threading.Channels;
using DossierTracker.Dossiers;

namespace DossierTracker.Api.ReadModel.Rebuilding;

/// <summary>
/// Every dossier folded in memory from its stored events, as the inline projection folds it (<see cref="Dossier.Start"/>,
/// <see cref="Dossier.Apply"/>), in the order of the store's sequence: each dossier's row is written once, at the end of
/// its stream, instead of once per page of events.
/// </summary>
internal sealed class DossierFold
{
    private const int HandOnBatch = 500;

    private readonly Dictionary<string, Folded> dossiers = new(StringComparer.Ordinal);

    /// <summary>Dossiers handed on as finished that a later event changed after all (rewritten by the first catch-up).</summary>
    private readonly HashSet<string> changedAfterHandOn = new(StringComparer.Ordinal);

    public int Count => dossiers.Count;

    public Dossier this[string code] => dossiers[code].Dossier;

    /// <summary>
    /// The first pass: folds every page and hands each dossier on as soon as the event with its stream's last version
    /// (read after the high-water mark, so no later event of it lies below the mark) is folded, so its rows are copied
    /// while the rest is still being read; the dossiers whose streams went on past the mark are handed on at the end.
    /// </summary>
    /// <param name="folded">Told the number of events folded so far, every page or so.</param>
    /// <returns>How many events were folded.</returns>
    public async Task<long> FoldAllAsync(ChannelReader<StoredEvent[]> pages, IReadOnlyDictionary<string, long> lastVersions,
        ChannelWriter<Dossier[]> finished, Action<long> folded, CancellationToken cancellation)
    {
        try
        {
            long events = 0;
            var batch = new List<Dossier>(HandOnBatch);
            await foreach (var page in pages.ReadAllAsync(cancellation))
            {
                foreach (var stored in page)
                {
                    ref var entry = ref Fold(stored);
                    if (entry.HandedOn) changedAfterHandOn.Add(stored.Code);
                    else if (lastVersions.TryGetValue(stored.Code, out var last) && stored.Version == last)
                    {
                        entry.HandedOn = true;
                        batch.Add(entry.Dossier);
                        if (batch.Count == HandOnBatch) await HandOnAsync();
                    }
                }
                events += page.Length;
                folded(events);
            }
            foreach (var entry in dossiers.Values.Where(e => !e.HandedOn))
            {
                batch.Add(entry.Dossier);
                if (batch.Count == HandOnBatch) await HandOnAsync();
            }
            await HandOnAsync();
            finished.Complete();
            return events;

            async Task HandOnAsync()
            {
                if (batch.Count == 0) return;
                await finished.WriteAsync([.. batch], cancellation);
                batch.Clear();
            }
        }
        catch (Exception e)
        {
            finished.TryComplete(e);
            throw;
        }
    }

    /// <summary>Folds the events of a catch-up round.</summary>
    /// <returns>The codes of the dossiers whose rows must be written again, and how many events there were.</returns>
    public async Task<(HashSet<string> Changed, long Events)> FoldChangesAsync(ChannelReader<StoredEvent[]> pages, CancellationToken cancellation)
    {
        var changed = new HashSet<string>(changedAfterHandOn, StringComparer.Ordinal);
        changedAfterHandOn.Clear();
        long events = 0;
        await foreach (var page in pages.ReadAllAsync(cancellation))
        {
            foreach (var stored in page)
            {
                Fold(stored);
                changed.Add(stored.Code);
            }
            events += page.Length;
        }
        return (changed, events);
    }

    private ref Folded Fold(StoredEvent stored)
    {
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(dossiers, stored.Code, out var exists);
        entry.Dossier = exists
            ? entry.Dossier.Apply(stored.Data)
            : Dossier.Start(stored.Code, stored.Data as DossierReceived
                ?? throw new InvalidOperationException($"Dossier '{stored.Code}' has a {stored.Data.GetType().Name} before being received."));
        return ref entry;
    }

    private struct Folded
    {
        public Dossier Dossier;
        public bool HandedOn;
    }
}
