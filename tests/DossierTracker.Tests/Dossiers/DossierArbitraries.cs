using DossierTracker.Dossiers;
using DossierTracker.Ingestion;
using DossierTracker.Tests.Ingestion;
using FsCheck;
using FsCheck.Fluent;
using Outcome = DossierTracker.Dossiers.Outcome;

namespace DossierTracker.Tests.Dossiers;

public enum AttemptKind { Received, Processing, Paused, Resumed, Late, TrackerLate, Resolved, Returned, Withdrawn, Stopped }

/// <summary>
/// One submission a sender (or the sweeper) tries, described by numbers so FsCheck can generate it: its time relative
/// to the latest so far (negative: reported out of order), how far the tracker's clock runs ahead, a sent due time,
/// and which key sends it (<see cref="Key"/> 0: a district that does not hold the dossier, 1: the tracker, else the province).
/// </summary>
public sealed record Attempt(AttemptKind Kind, int MinutesLater, int ClockLeadMinutes, int? DueInMinutes, int Key, int Choice);

/// <summary>One attempt played: the dossier before, what was submitted, and the decision.</summary>
public sealed record PlayedStep(Dossier Before, EventSubmission Submission, DecisionContext Context, Decision Decision)
{
    public Dossier After => Decision.Event is { } @event ? Before.Apply(@event) : Before;
}

/// <summary>A dossier received, then random submissions run through the decider; the accepted ones make its history.</summary>
public sealed record PlayedHistory(
    ReceivedSubmission Reception, IReadOnlyList<Attempt> Attempts, DossierReceived ReceivedEvent, IReadOnlyList<PlayedStep> Steps)
{
    public Dossier Received => Dossier.Start(DossierArbitraries.Code, ReceivedEvent);

    public IEnumerable<PlayedStep> Accepted => Steps.Where(s => s.Decision.IsAccepted);

    public IReadOnlyList<IDossierEvent> StoredEvents => [ReceivedEvent, .. Accepted.Select(s => s.Decision.Event!)];

    public Dossier Final => Steps.Count == 0 ? Received : Steps[^1].After;

    public IEnumerable<Dossier> States => [Received, .. Steps.Select(s => s.After)];

    public override string ToString() =>
        string.Join(Environment.NewLine, [$"received {Reception.OccurredAt:O} due {Received.DueAt:O}",
            .. Steps.Select(s => $"{s.Submission.Type} {s.Submission.OccurredAt:O} now {s.Context.Now:O} → {s.Decision.Rejection?.Code ?? "accepted"}")]);
}

public static class DossierArbitraries
{
    public const string Code = "HB-01-240311-0001";
    private static readonly DateTimeOffset First = new(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(7));
    private static readonly string[] Units = ["HB-01", "LS-01", "SNV"];
    private static readonly string[] HandOverUnits = ["HB", "HB-01", "LS", "SNV", "KS-01"];

    public static Arbitrary<PlayedHistory> Histories() =>
        Arb.From(
            Reception().SelectMany(_ => Gen.Choose(0, 40).SelectMany(size => AnyAttempt().ListOf(size)), (reception, attempts) => Play(reception, attempts)),
            history => Enumerable.Range(0, history.Attempts.Count)
                .Select(i => Play(history.Reception, history.Attempts.Where((_, index) => index != i).ToList())));

    private static Gen<ReceivedSubmission> Reception() =>
        from minute in Gen.Choose(0, 330 * 24 * 60)
        from unit in Gen.Elements(Units)
        from procedure in Gen.Elements(Province.ProcedureInDays, Province.ProcedureInHours)
        from dueInMinutes in OrAbsent(Gen.Choose(0, 20 * 24 * 60))
        let at = First.AddMinutes(minute)
        select new ReceivedSubmission("e-received", Code, at, unit, procedure, Channel.Online, dueInMinutes is { } due ? at.AddMinutes(due) : null);

    private static Gen<Attempt> AnyAttempt() =>
        // Closing is rare, so that most histories run a while before they close and then meet refusals.
        from kind in Gen.Frequency(
            (2, Gen.Constant(AttemptKind.Received)), (15, Gen.Constant(AttemptKind.Processing)), (20, Gen.Constant(AttemptKind.Paused)),
            (20, Gen.Constant(AttemptKind.Resumed)), (6, Gen.Constant(AttemptKind.Late)), (15, Gen.Constant(AttemptKind.TrackerLate)),
            (2, Gen.Constant(AttemptKind.Resolved)), (3, Gen.Constant(AttemptKind.Returned)), (1, Gen.Constant(AttemptKind.Withdrawn)),
            (1, Gen.Constant(AttemptKind.Stopped)))
        from later in Gen.Frequency((1, Gen.Choose(-3 * 24 * 60, 0)), (6, Gen.Choose(0, 4 * 24 * 60)))
        from lead in Gen.Choose(0, 3 * 24 * 60)
        from due in OrAbsent(Gen.Choose(-2 * 24 * 60, 20 * 24 * 60))
        from key in Gen.Choose(0, 9)
        from choice in Gen.Choose(0, 9)
        select new Attempt(kind, later, lead, due, key, choice);

    private static Gen<int?> OrAbsent(Gen<int> value) =>
        Gen.Frequency((1, Gen.Constant<int?>(null)), (1, value.Select(v => (int?)v)));

    public static PlayedHistory Play(ReceivedSubmission reception, IReadOnlyList<Attempt> attempts)
    {
        var received = (DossierReceived?)DossierDecider.Decide(null, reception, Province.Context(now: reception.OccurredAt)).Event
            ?? throw new InvalidOperationException("The generated reception must be accepted.");
        var dossier = Dossier.Start(Code, received);
        var latest = reception.OccurredAt;
        var now = reception.OccurredAt;
        var steps = new List<PlayedStep>();
        foreach (var (attempt, index) in attempts.Select((a, i) => (a, i)))
        {
            var at = latest.AddMinutes(attempt.MinutesLater);
            latest = at > latest ? at : latest;
            // The clock may lag the latest event a little, so that some submissions arrive from the future.
            var clock = latest.AddMinutes(attempt.ClockLeadMinutes - 10);
            now = clock > now ? clock : now;

            var submission = Submission(attempt, $"e-{index}", at, dossier);
            var context = Province.Context(scope: submission is TrackerLateSubmission ? null : KeyOf(attempt), now: now);
            var step = new PlayedStep(dossier, submission, context, DossierDecider.Decide(dossier, submission, context));
            steps.Add(step);
            dossier = step.After;
        }
        return new PlayedHistory(reception, attempts, received, steps);
    }

    private static string? KeyOf(Attempt attempt) => attempt.Key switch
    {
        0 => "LS",
        1 => null,
        _ => Province.Root,
    };

    private static EventSubmission Submission(Attempt attempt, string eventId, DateTimeOffset at, Dossier dossier)
    {
        DateTimeOffset? due = attempt.DueInMinutes is { } minutes ? at.AddMinutes(minutes) : null;
        return attempt.Kind switch
        {
            AttemptKind.Received => new ReceivedSubmission(eventId, Code, at, Units[attempt.Choice % Units.Length], Province.ProcedureInDays, Channel.Direct, due),
            AttemptKind.Processing => new ProcessingSubmission(eventId, Code, at,
                attempt.Choice < HandOverUnits.Length ? HandOverUnits[attempt.Choice] : null, $"can-bo-{attempt.Choice}", null),
            AttemptKind.Paused => new PausedSubmission(eventId, Code, at, (PauseReason)(attempt.Choice % 3), null),
            AttemptKind.Resumed => new ResumedSubmission(eventId, Code, at, due),
            AttemptKind.Late => new LateSubmission(eventId, Code, at, attempt.Choice % 2 == 0, attempt.Choice < 5 ? due : null, null),
            // Most sweeps look at the due time in force; some carry a stale one.
            AttemptKind.TrackerLate => new TrackerLateSubmission(Code, attempt.Choice < 7 ? dossier.DueAt : dossier.OriginalDueAt.AddMinutes(attempt.Choice)),
            AttemptKind.Resolved => new ResolvedSubmission(eventId, Code, at, attempt.Choice % 2 == 0 ? Outcome.Approved : null),
            AttemptKind.Returned => new ReturnedSubmission(eventId, Code, at),
            AttemptKind.Withdrawn => new WithdrawnSubmission(eventId, Code, at, null),
            AttemptKind.Stopped => new StoppedSubmission(eventId, Code, at, null),
            _ => throw new ArgumentOutOfRangeException(nameof(attempt), attempt.Kind, null),
        };
    }
}
