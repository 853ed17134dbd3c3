namespace DossierTracker.Dossiers;

/// <summary>
/// A dossier's state, folded from its events. Immutable: <see cref="Apply"/> returns a new value.
/// Dossier history is kept as <see cref="Phases"/> (when the clock ran or stood still, and the due time in force),
/// which is what the figures "at the end of a month" need.
/// </summary>
public sealed record Dossier
{
    public required string Code { get; init; }
    public required string UnitCode { get; init; }
    public required string ProcedureCode { get; init; }
    public required Channel Channel { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public required DateTimeOffset OriginalDueAt { get; init; }
    /// <summary>The effective due time now.</summary>
    public required DateTimeOffset DueAt { get; init; }
    /// <summary>When the tracker learned the current due time; late detection only fires for due times learned before they passed.</summary>
    public required DateTimeOffset DueLearnedAt { get; init; }
    public required DossierStatus Status { get; init; }
    public required IReadOnlyList<DossierPhase> Phases { get; init; }
    public DossierStatus StatusBeforePause { get; init; } = DossierStatus.Received;
    public string? Handler { get; init; }
    /// <summary>The name sent with the latest handler; a new handler sent without a name clears it (it was the old one's).</summary>
    public string? HandlerName { get; init; }
    public string? HandlingUnitCode { get; init; }
    public Apology? Apology { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public Outcome? Outcome { get; init; }
    /// <summary>The due time for which the tracker already recorded a <c>late</c> event.</summary>
    public DateTimeOffset? TrackerLateFor { get; init; }
    /// <summary>
    /// When each <c>paused</c> event with reason supplement occurred, also a second one while already paused: Decision 766
    /// allows one supplement request, so the second makes the dossier late from then on.
    /// </summary>
    public IReadOnlyList<DateTimeOffset> SupplementRequestedAt { get; init; } = [];
    public int Version { get; init; }

    public bool IsClosed => ClosedAt is not null;
    public bool IsPaused => Status == DossierStatus.Paused;
    public bool IsCompleted => CompletedAt is not null;

    public CompletionResult? Result => CompletedAt is { } completed ? CompletionRules.Result(completed, DueAt) : null;

    /// <summary>
    /// Closed (completed, withdrawn or stopped) no later than the effective due time in force at that moment, events at
    /// that very instant included; null while open. Decision 766 compares instants, not dates.
    /// </summary>
    public bool? ClosedWithinDue => ClosedAt is { } closed ? closed <= PhaseAt(closed).DueAt : null;

    /// <summary>The second supplement request in time, if there was one: from then on the dossier is never on time for 766.</summary>
    public DateTimeOffset? SecondSupplementRequestAt =>
        SupplementRequestedAt.Count < 2 ? null : SupplementRequestedAt.Order().ElementAt(1);

    /// <summary>The phase in force at <paramref name="instant"/>, counting the events at that very instant.</summary>
    public DossierPhase PhaseAt(DateTimeOffset instant) =>
        Phases.LastOrDefault(p => p.From <= instant) ?? throw BeforeReceipt(instant);

    /// <summary>The phase in force just before <paramref name="instant"/>: events at that instant do not count yet.</summary>
    public DossierPhase PhaseBefore(DateTimeOffset instant) =>
        Phases.LastOrDefault(p => p.From < instant) ?? throw BeforeReceipt(instant);

    /// <summary>Contract: open and overdue at T = received, not closed, not paused, effective due time before T.</summary>
    public bool IsOverdueAt(DateTimeOffset instant) => !IsClosed && !IsPaused && DueAt < instant;

    /// <summary>When the current pause started, if paused.</summary>
    public DateTimeOffset? PausedSince => IsPaused ? Phases[^1].From : null;

    public static Dossier Start(string code, DossierReceived received) => new()
    {
        Code = code,
        UnitCode = received.UnitCode,
        ProcedureCode = received.ProcedureCode,
        Channel = received.Channel,
        ReceivedAt = received.OccurredAt,
        OriginalDueAt = received.DueAt,
        DueAt = received.DueAt,
        DueLearnedAt = received.RecordedAt,
        Status = DossierStatus.Received,
        Phases = [new DossierPhase(received.OccurredAt, received.DueAt, null)],
        Version = 1,
    };

    public Dossier Apply(IDossierEvent @event)
    {
        var next = @event switch
        {
            DossierHandedOver e => (IsPaused ? this with { StatusBeforePause = DossierStatus.Processing } : this with { Status = DossierStatus.Processing }) with
            {
                Handler = e.Handler ?? Handler,
                HandlerName = e.HandlerName ?? (e.Handler is null ? HandlerName : null),
                HandlingUnitCode = e.UnitCode ?? HandlingUnitCode,
            },
            // A second pause while paused leaves the clock as it is (already stopped); it still counts as a request.
            DossierPaused e when IsPaused => this with { SupplementRequestedAt = WithRequest(e) },
            DossierPaused e => this with
            {
                Status = DossierStatus.Paused,
                StatusBeforePause = Status,
                Phases = WithPhase(new DossierPhase(e.OccurredAt, DueAt, e.Reason)),
                SupplementRequestedAt = WithRequest(e),
            },
            DossierResumed e => this with
            {
                Status = IsPaused ? StatusBeforePause : Status,
                DueAt = e.DueAt,
                DueLearnedAt = e.RecordedAt,
                Phases = WithPhase(new DossierPhase(e.OccurredAt, e.DueAt, null)),
            },
            DossierMarkedLate e when e.Source == EventSources.Tracker => this with { TrackerLateFor = DueAt },
            DossierMarkedLate e => this with
            {
                Apology = e.ApologyIssued == true || e.NewAppointmentAt is not null
                    ? new Apology(e.ApologyIssued ?? false, e.NewAppointmentAt, e.Reason, e.OccurredAt)
                    : Apology,
            },
            DossierResolved e => this with { Status = DossierStatus.Resolved, CompletedAt = e.OccurredAt, ClosedAt = e.OccurredAt, Outcome = e.Outcome },
            DossierReturned e => this with { Status = DossierStatus.Returned, CompletedAt = CompletedAt ?? e.OccurredAt, ClosedAt = ClosedAt ?? e.OccurredAt },
            DossierWithdrawn e => this with { Status = DossierStatus.Withdrawn, ClosedAt = e.OccurredAt },
            DossierStopped e => this with { Status = DossierStatus.Stopped, ClosedAt = e.OccurredAt },
            DossierReceived => throw new InvalidOperationException("A dossier is received only once."),
            _ => throw new ArgumentOutOfRangeException(nameof(@event), @event.GetType().Name, "Unknown dossier event."),
        };
        return next with { Version = Version + 1 };
    }

    /// <summary>Folds a stream of events, the first being <see cref="DossierReceived"/>.</summary>
    public static Dossier Fold(string code, IEnumerable<IDossierEvent> events)
    {
        Dossier? dossier = null;
        foreach (var @event in events)
        {
            dossier = dossier is null ? Start(code, (DossierReceived)@event) : dossier.Apply(@event);
        }
        return dossier ?? throw new ArgumentException("A dossier needs at least its received event.", nameof(events));
    }

    private IReadOnlyList<DateTimeOffset> WithRequest(DossierPaused paused) =>
        paused.Reason == PauseReason.Supplement ? [.. SupplementRequestedAt, paused.OccurredAt] : SupplementRequestedAt;

    private ArgumentOutOfRangeException BeforeReceipt(DateTimeOffset instant) =>
        new(nameof(instant), instant, $"Dossier '{Code}' was received at {ReceivedAt:O}, after that instant.");

    /// <summary>
    /// Phases never go back in time: an event reported out of order starts its phase where the previous one started,
    /// so the history stays a sequence of non-overlapping periods.
    /// </summary>
    private IReadOnlyList<DossierPhase> WithPhase(DossierPhase phase)
    {
        var last = Phases[^1];
        var from = phase.From < last.From ? last.From : phase.From;
        return [.. Phases, phase with { From = from }];
    }
}

/// <summary>From <see cref="From"/> on (until the next phase or the close) the clock ran, or stood still for <see cref="PausedFor"/>, with <see cref="DueAt"/> in force.</summary>
public sealed record DossierPhase(DateTimeOffset From, DateTimeOffset DueAt, PauseReason? PausedFor)
{
    public bool IsPaused => PausedFor is not null;
}

public sealed record Apology(bool Issued, DateTimeOffset? NewAppointmentAt, string? Reason, DateTimeOffset RecordedFor);
