using DossierTracker.Dossiers;
using DossierTracker.Ingestion;
using DossierTracker.Tests.Calendar;

namespace DossierTracker.Tests.Ingestion;

/// <summary>Submissions for one dossier of commune HB-01, with readable local times ("2024-03-12 08:00").</summary>
internal static class Submit
{
    public const string Code = "HB-01-240311-0001";
    public const string ReceivedAt = "2024-03-11 08:00";

    public static ReceivedSubmission Received(
        string at = ReceivedAt, string unit = "HB-01", string procedure = Province.ProcedureInDays, string? dueAt = null, string code = Code) =>
        new(Id("received", at), code, Local.Time(at), unit, procedure, Channel.Online, dueAt is null ? null : Local.Time(dueAt));

    public static ProcessingSubmission Processing(string at, string? unit = null, string? handler = null) =>
        new(Id("processing", at), Code, Local.Time(at), unit, handler, null);

    public static PausedSubmission Paused(string at, PauseReason reason = PauseReason.Supplement) =>
        new(Id("paused", at), Code, Local.Time(at), reason, null);

    public static ResumedSubmission Resumed(string at, string? dueAt = null) =>
        new(Id("resumed", at), Code, Local.Time(at), dueAt is null ? null : Local.Time(dueAt));

    public static LateSubmission Late(string at, bool? apologyIssued = null, string? newAppointmentAt = null) =>
        new(Id("late", at), Code, Local.Time(at), apologyIssued, newAppointmentAt is null ? null : Local.Time(newAppointmentAt), null);

    public static TrackerLateSubmission TrackerLate(DateTimeOffset dueAt) => new(Code, dueAt);

    public static ResolvedSubmission Resolved(string at, Outcome? outcome = null) => new(Id("resolved", at), Code, Local.Time(at), outcome);

    public static ReturnedSubmission Returned(string at) => new(Id("returned", at), Code, Local.Time(at));

    public static WithdrawnSubmission Withdrawn(string at) => new(Id("withdrawn", at), Code, Local.Time(at), null);

    public static StoppedSubmission Stopped(string at) => new(Id("stopped", at), Code, Local.Time(at), null);

    /// <summary>Every kind of submission but <c>received</c>, at one time, by its contract type name (the tracker's late as "tracker-late").</summary>
    public static EventSubmission AfterReception(string kind, string at) => kind switch
    {
        EventTypes.Processing => Processing(at),
        EventTypes.Paused => Paused(at),
        EventTypes.Resumed => Resumed(at),
        EventTypes.Late => Late(at),
        TrackerLateKind => TrackerLate(Local.Time(at)),
        EventTypes.Resolved => Resolved(at),
        EventTypes.Returned => Returned(at),
        EventTypes.Withdrawn => Withdrawn(at),
        EventTypes.Stopped => Stopped(at),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public const string TrackerLateKind = "tracker-late";

    public static readonly IReadOnlyList<string> KindsAfterReception =
    [
        EventTypes.Processing, EventTypes.Paused, EventTypes.Resumed, EventTypes.Late, TrackerLateKind,
        EventTypes.Resolved, EventTypes.Returned, EventTypes.Withdrawn, EventTypes.Stopped,
    ];

    public static TheoryData<string> EveryKindAfterReception() => new(KindsAfterReception);

    private static string Id(string type, string at) => $"{type}@{at}";
}
