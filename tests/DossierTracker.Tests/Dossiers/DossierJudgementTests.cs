using DossierTracker.Dossiers;
using DossierTracker.Tests.Calendar;

namespace DossierTracker.Tests.Dossiers;

/// <summary>What a dossier's state says about it: overdue at an instant, and its result once completed.</summary>
public sealed class DossierJudgementTests
{
    private static readonly DateTimeOffset DueAt = Local.Time("2024-03-14 08:00");

    [Fact]
    public void an_open_running_dossier_past_its_due_time_is_overdue() =>
        Story.Of("processing").IsOverdueAt(DueAt.AddMinutes(1)).ShouldBeTrue();

    [Fact]
    public void a_dossier_is_not_overdue_at_its_due_time_itself() =>
        Story.Of("processing").IsOverdueAt(DueAt).ShouldBeFalse();

    [Fact]
    public void a_paused_dossier_is_never_overdue() =>
        Story.Of("processing paused").IsOverdueAt(DueAt.AddDays(30)).ShouldBeFalse();

    [Fact]
    public void a_closed_dossier_is_never_overdue() =>
        Story.Of("withdrawn").IsOverdueAt(DueAt.AddDays(30)).ShouldBeFalse();

    [Fact]
    public void an_open_dossier_is_judged_by_the_due_time_in_force() =>
        Story.Of("paused resumed").IsOverdueAt(DueAt.AddDays(1)).ShouldBeFalse();

    [Theory]
    [InlineData("2024-03-13 17:00", CompletionResult.Early)]
    [InlineData("2024-03-14 00:00", CompletionResult.OnTime)]
    [InlineData("2024-03-14 23:59", CompletionResult.OnTime)]
    [InlineData("2024-03-15 00:00", CompletionResult.Late)]
    public void the_form_06_result_compares_local_dates(string resolvedAt, CompletionResult expected) =>
        Events.Fold(Events.Received(dueAt: "2024-03-14 08:00"), Events.Resolved(resolvedAt)).Result.ShouldBe(expected);

    [Theory]
    [InlineData("2024-03-14 08:00", true)]
    [InlineData("2024-03-14 08:01", false)]
    public void closing_within_due_compares_instants(string resolvedAt, bool onTime) =>
        Events.Fold(Events.Received(dueAt: "2024-03-14 08:00"), Events.Resolved(resolvedAt)).ClosedWithinDue.ShouldBe(onTime);

    [Fact]
    public void an_open_dossier_has_not_closed_within_due_or_after_it() =>
        Story.Of("processing").ClosedWithinDue.ShouldBeNull();

    // 2024-03-14T16:59Z is 23:59 the same local day; 17:00Z is already the 15th in Hà Nội.
    [Theory]
    [InlineData("2024-03-14T16:59:00Z", CompletionResult.OnTime)]
    [InlineData("2024-03-14T17:00:00Z", CompletionResult.Late)]
    public void the_form_06_result_takes_the_date_in_vietnam_not_in_utc(string completedAt, CompletionResult expected) =>
        CompletionRules.Result(Local.Instant(completedAt), DueAt).ShouldBe(expected);

    [Fact]
    public void a_withdrawn_dossier_has_no_result() =>
        Story.Of("withdrawn").Result.ShouldBeNull();
}
