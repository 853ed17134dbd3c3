using DossierTracker.Dossiers;
using DossierTracker.Tests.Calendar;

namespace DossierTracker.Tests.Dossiers;

/// <summary>
/// A dossier's history told as event names ("paused processing resumed"): received Monday 2024-03-11 08:00, due
/// Thursday 08:00, then one event an hour from Tuesday 08:00; a resume sets the due time to Friday 08:00.
/// </summary>
internal static class Story
{
    public static Dossier Of(string steps) => Events.Fold([Events.Received(), .. EventsOf(steps)]);

    public static DateTimeOffset TimeOfStep(int index) => Local.Time("2024-03-12 08:00").AddHours(index);

    private static IEnumerable<IDossierEvent> EventsOf(string steps) =>
        steps.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select((step, index) =>
        {
            var at = TimeOfStep(index).ToString("yyyy-MM-dd HH:mm");
            return step switch
            {
                "processing" => (IDossierEvent)Events.HandedOver(at),
                "paused" => Events.Paused(at),
                "resumed" => Events.Resumed(at, dueAt: "2024-03-15 08:00"),
                "late" => Events.LateFromSender(at),
                "resolved" => Events.Resolved(at),
                "returned" => Events.Returned(at),
                "withdrawn" => Events.Withdrawn(at),
                "stopped" => Events.Stopped(at),
                _ => throw new ArgumentOutOfRangeException(nameof(steps), step, null),
            };
        });
}
