using System.Text.Json.Nodes;
using DossierTracker.Api.LateDetection;
using DossierTracker.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Tracking;

namespace DossierTracker.Api.Tests.LateDetection;

/// <summary>The tracker's own <c>late</c> event, driven by moving business time.</summary>
public sealed class LateDetectionTests(TrackerApp app) : ApiScenario(app)
{
    private const string Code = "LATE-1";
    // DefaultNow is Tuesday 2026-03-10 10:00 (+07:00).
    private const string ReceivedAt = "2026-03-10T09:00:00+07:00";
    private const string DueAt = "2026-03-10T15:00:00+07:00";

    /// <summary>
    /// Runs <paramref name="concurrently"/> sweeps at once and waits until Wolverine has handled every message they sent;
    /// returns how many dossiers they sent to be marked late.
    /// </summary>
    private async Task<int> SweepAsync(int concurrently = 1)
    {
        var sweeper = App.Host.Services.GetRequiredService<LateSweeper>();
        var sent = 0;
        await App.Host.ExecuteAndWaitAsync(async () =>
            sent = (await Task.WhenAll(Enumerable.Range(0, concurrently).Select(_ => sweeper.SweepAsync(CancellationToken.None)))).Sum());
        return sent;
    }

    private async Task<List<JsonObject>> TrackerLateEventsAsync() =>
        (await GetDossierAsync(Code))["timeline"]!.AsArray()
            .Select(e => e!.AsObject())
            .Where(e => e["type"]!.GetValue<string>() == "late" && e["source"]!.GetValue<string>() == "tracker")
            .ToList();

    [Fact]
    public async Task open_dossier_is_marked_late_at_its_due_time_once_it_has_passed()
    {
        await PostOkAsync(Received(Code, ReceivedAt, dueAt: DueAt));
        App.Clock.SetUtcNow(DateTimeOffset.Parse("2026-03-10T15:01:00+07:00"));

        (await SweepAsync()).ShouldBe(1);

        var late = (await TrackerLateEventsAsync()).Single();
        late["occurredAt"]!.GetValue<string>().ShouldBe(DueAt);
        late["recordedAt"]!.GetValue<string>().ShouldBe("2026-03-10T15:01:00+07:00");
    }

    [Fact]
    public async Task nothing_is_marked_before_the_due_time()
    {
        await PostOkAsync(Received(Code, ReceivedAt, dueAt: DueAt));
        App.Clock.SetUtcNow(DateTimeOffset.Parse("2026-03-10T14:59:00+07:00"));

        (await SweepAsync()).ShouldBe(0);
        (await TrackerLateEventsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task sweeping_again_and_concurrently_marks_exactly_once()
    {
        await PostOkAsync(Received(Code, ReceivedAt, dueAt: DueAt));
        App.Clock.SetUtcNow(DateTimeOffset.Parse("2026-03-10T16:00:00+07:00"));

        await SweepAsync(concurrently: 4);
        await SweepAsync();

        (await TrackerLateEventsAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task paused_dossier_is_not_marked()
    {
        await PostOkAsync(Received(Code, ReceivedAt, dueAt: DueAt));
        await PostOkAsync(Event("paused", Code, "2026-03-10T09:30:00+07:00", fields: [("reason", "supplement")]));
        App.Clock.SetUtcNow(DateTimeOffset.Parse("2026-03-11T10:00:00+07:00"));

        (await SweepAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task due_time_moved_by_a_resume_is_marked_at_the_new_due_time()
    {
        await PostOkAsync(Received(Code, ReceivedAt, dueAt: DueAt));
        await PostOkAsync(Event("paused", Code, "2026-03-10T09:30:00+07:00", fields: [("reason", "supplement")]));
        App.Clock.SetUtcNow(DateTimeOffset.Parse("2026-03-10T16:00:00+07:00"));
        // Paused 4.5 working hours (09:30–11:30, 13:30–16:00): due 15:00 moves to Wednesday 09:30.
        await PostOkAsync(Event("resumed", Code, "2026-03-10T16:00:00+07:00"));
        (await SweepAsync()).ShouldBe(0);

        App.Clock.SetUtcNow(DateTimeOffset.Parse("2026-03-11T09:35:00+07:00"));
        (await SweepAsync()).ShouldBe(1);

        (await TrackerLateEventsAsync()).Single()["occurredAt"]!.GetValue<string>().ShouldBe("2026-03-11T09:30:00+07:00");
    }

    [Fact]
    public async Task closed_dossier_is_not_marked()
    {
        await PostOkAsync(Received(Code, ReceivedAt, dueAt: DueAt));
        await PostOkAsync(Event("resolved", Code, "2026-03-10T09:45:00+07:00"));
        App.Clock.SetUtcNow(DateTimeOffset.Parse("2026-03-11T10:00:00+07:00"));

        (await SweepAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task dossier_backfilled_after_its_due_time_is_overdue_but_not_marked()
    {
        await PostOkAsync(Received(Code, "2026-03-02T09:00:00+07:00", dueAt: "2026-03-03T09:00:00+07:00"));

        (await SweepAsync()).ShouldBe(0);
        (await GetDossierAsync(Code))["overdue"]!.GetValue<bool>().ShouldBeTrue();
    }
}
