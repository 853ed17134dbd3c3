using DossierTracker.Ingestion;

namespace DossierTracker.Simulator.Traffic;

/// <summary>
/// When the one-stop system sends each event: as it happens, except that now and then one arrives hours or days late
/// (an outage, a batch job) and holds back the dossier's later events with it — a sender never reorders one dossier —
/// and now and then one is sent twice, unchanged, as a retry would.
/// </summary>
internal static class Delivery
{
    private const double LateArrivalShare = 0.005;
    private const double ResendShare = 0.005;

    public static List<SimulatedEvent> Schedule(IReadOnlyList<EventSubmission> events, string unitCode, Random random)
    {
        var scheduled = new List<SimulatedEvent>(events.Count + 1);
        var previous = DateTimeOffset.MinValue;
        for (var i = 0; i < events.Count; i++)
        {
            var sendAt = events[i].OccurredAt;
            if (random.Chance(LateArrivalShare))
                sendAt += random.Chance(0.7) ? TimeSpan.FromHours(random.Between(1, 12)) : TimeSpan.FromDays(random.Between(1, 3));
            sendAt = Whole(sendAt > previous ? sendAt : previous);
            previous = sendAt;
            scheduled.Add(new SimulatedEvent(events[i], unitCode, sendAt, IsResend: false, IsFinal: i == events.Count - 1));
            if (random.Chance(ResendShare))
                scheduled.Add(new SimulatedEvent(events[i], unitCode, Whole(sendAt + TimeSpan.FromMinutes(random.Between(1, 180))), IsResend: true, IsFinal: false));
        }
        return scheduled;
    }

    private static DateTimeOffset Whole(DateTimeOffset instant) => instant.AddTicks(-(instant.Ticks % TimeSpan.TicksPerSecond));
}
