using DossierTracker.Calendar;
using DossierTracker.Dossiers;
using DossierTracker.Ingestion;
using DossierTracker.NationalPortal;
using DossierTracker.Organisation;
using DossierTracker.Procedures;

namespace DossierTracker.Tests.NationalPortal;

/// <summary>Snapshots of one dossier, and a dossier state built by deciding submissions as the ingestor does.</summary>
internal static class PortalFixture
{
    public const string Code = "000.00.01.H99-220801-0001";
    public const string Unit = "000.00.01.H99";
    public const string Procedure = "1.004227";

    public static DateTimeOffset Local(string text) => DateTimeOffset.Parse(text + "+07:00", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Received Monday 1 August 2022 09:15, due Thursday 09:15, online.</summary>
    public static PortalDossier Snapshot(PortalStatus status, string? finishedAt = null, string? returnedAt = null,
        params SupplementRound[] supplements) => new(
        Code, status, Procedure, Unit, Channel.Online, Local("2022-08-01T09:15:00"), Local("2022-08-04T09:15:00"),
        finishedAt is null ? null : Local(finishedAt), returnedAt is null ? null : Local(returnedAt), supplements) { ReceivingUnitCode = Unit };

    public static SupplementRound Round(string requestedAt, string? receivedAt = null, string? newDueAt = null, string? request = null) =>
        new(Local(requestedAt), receivedAt is null ? null : Local(receivedAt), Local("2022-08-04T09:15:00"),
            newDueAt is null ? null : Local(newDueAt), request);

    private static readonly DecisionContext Context = new(
        OrganisationTree.Build([new Unit("000.00.00.H99", "Tỉnh Thử Nghiệm", UnitLevel.Province, null), new Unit(Unit, "Sở Tư pháp", UnitLevel.Department, "000.00.00.H99")]).Tree!,
        new Dictionary<string, Procedure> { [Procedure] = new(Procedure, "Đăng ký khai sinh", new ProcessingTime(3, ProcessingTimeUnit.WorkingDays)) },
        new WorkingCalendar(OfficeHours.Default, new HolidayCalendar()),
        Local("2026-03-10T10:00:00"), Local("2026-03-10T10:00:00"), null, EventSources.NationalPortal);

    /// <summary>The state after the submissions, each of which must be accepted.</summary>
    public static Dossier? Apply(Dossier? state, IEnumerable<EventSubmission> submissions)
    {
        foreach (var submission in submissions)
        {
            var decision = DossierDecider.Decide(state, submission, Context);
            decision.Rejection.ShouldBeNull($"{submission.Type} {submission.EventId}");
            state = state is null ? Dossier.Start(Code, (DossierReceived)decision.Event!) : state.Apply(decision.Event!);
        }
        return state;
    }

    /// <summary>Plans the snapshot on the state and applies what it plans.</summary>
    public static Dossier? Sync(Dossier? state, PortalDossier snapshot) => Apply(state, SnapshotPlanner.Plan(snapshot, state).Submissions);

    public static string Describe(SnapshotPlan plan) => string.Join(", ", plan.Submissions.Select(s => s.Type));
}
