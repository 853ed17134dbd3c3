using DossierTracker.Dossiers;
using DossierTracker.Tests.Calendar;

namespace DossierTracker.Tests.Dossiers;

/// <summary>Stored events of one dossier, as the decider would have recorded them, with readable local times.</summary>
internal static class Events
{
    public const string Code = "HB-01-240311-0001";
    private static readonly DateTimeOffset RecordedAt = Local.Time("2024-03-20 10:00");

    public static DossierReceived Received(string at = "2024-03-11 08:00", string dueAt = "2024-03-14 08:00") =>
        new("received", Local.Time(at), RecordedAt, EventSources.OneStop, "HB-01", "1.004227", Channel.Direct, Local.Time(dueAt), DueAtComputed: false);

    public static DossierHandedOver HandedOver(string at, string? unit = null, string? handler = null) =>
        new($"processing@{at}", Local.Time(at), RecordedAt, EventSources.OneStop, unit, handler, null);

    public static DossierPaused Paused(string at, PauseReason reason = PauseReason.Supplement) =>
        new($"paused@{at}", Local.Time(at), RecordedAt, EventSources.OneStop, reason, null);

    public static DossierResumed Resumed(string at, string dueAt, string recordedAt = "2024-03-20 10:00") =>
        new($"resumed@{at}", Local.Time(at), Local.Time(recordedAt), EventSources.OneStop, Local.Time(dueAt), DueAtComputed: false);

    public static DossierMarkedLate LateFromSender(string at, bool? apologyIssued = null, string? newAppointmentAt = null) =>
        new($"late@{at}", Local.Time(at), RecordedAt, EventSources.OneStop, apologyIssued, newAppointmentAt is null ? null : Local.Time(newAppointmentAt), "quá tải");

    public static DossierMarkedLate LateFromTracker(string dueAt) =>
        new($"tracker-late@{dueAt}", Local.Time(dueAt), RecordedAt, EventSources.Tracker, null, null, null);

    public static DossierResolved Resolved(string at, Outcome? outcome = Outcome.Approved) =>
        new($"resolved@{at}", Local.Time(at), RecordedAt, EventSources.OneStop, outcome);

    public static DossierReturned Returned(string at) => new($"returned@{at}", Local.Time(at), RecordedAt, EventSources.OneStop);

    public static DossierWithdrawn Withdrawn(string at) => new($"withdrawn@{at}", Local.Time(at), RecordedAt, EventSources.OneStop, null);

    public static DossierStopped Stopped(string at) => new($"stopped@{at}", Local.Time(at), RecordedAt, EventSources.OneStop, null);

    public static Dossier Fold(params IDossierEvent[] events) => Dossier.Fold(Code, events);
}
