using System.Diagnostics.CodeAnalysis;
using DossierTracker.Calendar;
using DossierTracker.Ingestion;

namespace DossierTracker.Simulator.Traffic;

/// <summary>
/// The traffic's events in the order they are sent, generating each day's dossiers only when the timeline reaches
/// that day: memory holds the pending events of open dossiers, not a whole year.
/// </summary>
/// <param name="receivedFrom">Dossiers received before this instant are not part of the traffic.</param>
/// <param name="lastDay">The last day whose dossiers are received; null: no end.</param>
/// <param name="alreadySentUpTo">Events due to be sent up to this instant went out in an earlier run; they are skipped.</param>
public sealed class TrafficTimeline(TrafficGenerator generator, DateTimeOffset receivedFrom, DateOnly? lastDay, DateTimeOffset? alreadySentUpTo = null)
{
    private readonly PriorityQueue<SimulatedEvent, (DateTimeOffset SendAt, long Sequence)> _pending = new();
    private long _sequence;
    private DateOnly _nextDay = VietnamTime.LocalDate(receivedFrom);
    private long _carriedOpen;
    private long _finalsTaken;

    /// <summary>Dossiers whose <c>received</c> event this timeline handed out.</summary>
    public long DossiersReceived { get; private set; }

    /// <summary>Dossiers received (here or in the earlier run) whose last event is still to come.</summary>
    public long OpenDossiers => _carriedOpen + DossiersReceived - _finalsTaken;

    /// <summary>The next event to send if it is due by <paramref name="until"/>.</summary>
    public bool TryTake(DateTimeOffset until, [NotNullWhen(true)] out SimulatedEvent? next)
    {
        GenerateDaysStartingBy(until);
        if (_pending.TryPeek(out _, out var key) && key.SendAt <= until)
        {
            next = _pending.Dequeue();
            if (next is { IsResend: false, Submission: ReceivedSubmission }) DossiersReceived++;
            if (next.IsFinal) _finalsTaken++;
            return true;
        }
        next = null;
        return false;
    }

    /// <summary>A day's events can be due no earlier than its start, so it is generated once nothing earlier is pending.</summary>
    private void GenerateDaysStartingBy(DateTimeOffset until)
    {
        while ((lastDay is null || _nextDay <= lastDay) && DayStart(_nextDay) <= until
               && (!_pending.TryPeek(out _, out var head) || head.SendAt >= DayStart(_nextDay)))
        {
            foreach (var dossier in generator.DossiersReceivedOn(_nextDay))
            {
                if (dossier.ReceivedAt < receivedFrom) continue;
                var anyPending = false;
                foreach (var e in dossier.Events)
                {
                    if (e.SendAt <= alreadySentUpTo) continue;
                    _pending.Enqueue(e, (e.SendAt, _sequence++));
                    anyPending |= !e.IsResend;
                }
                if (anyPending && dossier.Events[0].SendAt <= alreadySentUpTo) _carriedOpen++;
            }
            _nextDay = _nextDay.AddDays(1);
        }
    }

    private static DateTimeOffset DayStart(DateOnly day) => VietnamTime.At(day, TimeOnly.MinValue);
}
