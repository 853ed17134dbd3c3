using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.Notifications.Webhooks;

/// <summary>Late and due-soon notices reach a real receiver signed, are retried, parked, ordered per dossier, sent once.</summary>
public sealed class WebhookDeliveryTests(WebhookApp app) : WebhookScenario(app)
{
    private const string Code = "HOOK-1";
    // DefaultNow is Tuesday 2026-03-10 10:00 (+07:00); due Wednesday 15:00 is 10 working hours away.
    private const string ReceivedAt = "2026-03-10T09:00:00+07:00";
    private const string DueAt = "2026-03-11T15:00:00+07:00";

    private void At(string instant) => App.Clock.SetUtcNow(DateTimeOffset.Parse(instant));

    [Fact]
    public async Task late_notice_reaches_the_receiver_signed_with_the_dossier()
    {
        await using var receiver = await StartReceiverAsync();
        var webhook = await RegisterAsync(receiver, ["late"], TestProvince.Province);
        await ReceivedAsync(Code, ReceivedAt, DueAt);
        At("2026-03-11T15:01:00+07:00");

        (await SweepLateAsync()).ShouldBe(1);

        var delivery = await SettledDeliveryAsync(webhook);
        delivery["status"]!.GetValue<string>().ShouldBe("delivered");
        receiver.Refused.ShouldBeEmpty();
        var notice = receiver.Accepted.ShouldHaveSingleItem();
        notice["kind"]!.GetValue<string>().ShouldBe("late");
        notice["dossierCode"]!.GetValue<string>().ShouldBe(Code);
        notice["unitCode"]!.GetValue<string>().ShouldBe(TestProvince.Justice);
        notice["procedureCode"]!.GetValue<string>().ShouldBe(TestProvince.BirthRegistration);
        notice["dueAt"]!.GetValue<string>().ShouldBe(DueAt);
        notice["at"]!.GetValue<string>().ShouldBe("2026-03-11T15:01:00+07:00");
        notice["id"]!.GetValue<string>().ShouldBe(delivery["noticeId"]!.GetValue<string>());
    }

    [Fact]
    public async Task dossier_outside_the_webhooks_unit_is_not_notified()
    {
        await using var receiver = await StartReceiverAsync();
        var webhook = await RegisterAsync(receiver, ["late", "due-soon"], TestProvince.DistrictA);
        await ReceivedAsync(Code, ReceivedAt, DueAt, unitCode: TestProvince.Justice);
        At("2026-03-11T07:30:00+07:00");
        (await SweepDueSoonAsync()).ShouldBe(0);
        At("2026-03-11T15:01:00+07:00");

        (await SweepLateAsync()).ShouldBe(1);

        // The late handler ran (the dossier is marked); it queued nothing for this webhook.
        await EventuallyAsync(async () => (await (await SendAsync(HttpMethod.Get, $"/api/dossiers/{Code}", null, SupervisorKey)).Content.ReadAsStringAsync())
            .Contains("\"source\":\"tracker\"", StringComparison.Ordinal), "the late event");
        (await DeliveriesAsync(webhook)).ShouldBeEmpty();
    }

    [Fact]
    public async Task failing_receiver_is_retried_until_it_accepts()
    {
        await using var receiver = await StartReceiverAsync(failFirst: 2);
        var webhook = await RegisterAsync(receiver, ["late"]);
        await ReceivedAsync(Code, ReceivedAt, DueAt);
        At("2026-03-11T15:01:00+07:00");

        await SweepLateAsync();

        var delivery = await SettledDeliveryAsync(webhook);
        delivery["status"]!.GetValue<string>().ShouldBe("delivered");
        delivery["attempts"]!.GetValue<int>().ShouldBe(3);
        delivery["lastError"]!.GetValue<string>().ShouldStartWith("HTTP 500");
        receiver.Attempts.ShouldBe(3);
        receiver.Accepted.Count.ShouldBe(1);
    }

    [Fact]
    public async Task receiver_that_always_fails_gets_the_notice_parked_after_the_retry_period()
    {
        await using var receiver = await StartReceiverAsync(alwaysFail: true);
        var webhook = await RegisterAsync(receiver, ["late"]);
        await ReceivedAsync(Code, ReceivedAt, DueAt);
        At("2026-03-11T15:01:00+07:00");

        await SweepLateAsync();

        // Waits of 0.1 s with 0.25 s of retrying allowed: the first attempt and two retries, then parked.
        var delivery = await SettledDeliveryAsync(webhook);
        delivery["status"]!.GetValue<string>().ShouldBe("parked");
        delivery["attempts"]!.GetValue<int>().ShouldBe(3);
        delivery["lastError"]!.GetValue<string>().ShouldStartWith("HTTP 500");
        receiver.Attempts.ShouldBe(3);
        receiver.Accepted.ShouldBeEmpty();
    }

    [Fact]
    public async Task due_soon_notice_is_sent_once_per_due_time_across_sweeps()
    {
        await using var receiver = await StartReceiverAsync();
        var webhook = await RegisterAsync(receiver, ["due-soon"]);
        await ReceivedAsync(Code, ReceivedAt, DueAt);
        (await SweepDueSoonAsync()).ShouldBe(0);
        // Wednesday 07:30: 7.5 working hours left.
        At("2026-03-11T07:30:00+07:00");

        var queued = (await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SweepDueSoonAsync()))).Sum() + await SweepDueSoonAsync();

        queued.ShouldBeGreaterThanOrEqualTo(1);
        (await SettledDeliveryAsync(webhook))["kind"]!.GetValue<string>().ShouldBe("due-soon");
        (await SweepDueSoonAsync()).ShouldBe(0);
        (await DeliveriesAsync(webhook)).Count.ShouldBe(1);
        receiver.Accepted.ShouldHaveSingleItem()["dueAt"]!.GetValue<string>().ShouldBe(DueAt);
    }

    [Fact]
    public async Task a_dossiers_late_notice_waits_for_its_due_soon_notice_being_retried()
    {
        await using var receiver = await StartReceiverAsync(failFirst: 1);
        var webhook = await RegisterAsync(receiver, ["late", "due-soon"]);
        await ReceivedAsync(Code, ReceivedAt, DueAt);
        At("2026-03-11T07:30:00+07:00");
        await SweepDueSoonAsync();
        await EventuallyAsync(() => Task.FromResult(receiver.Attempts >= 1), "the due-soon notice's first, refused, attempt");

        At("2026-03-11T15:01:00+07:00");
        await SweepLateAsync();

        await EventuallyAsync(() => Task.FromResult(receiver.Accepted.Count == 2), "both notices");
        receiver.Accepted.Select(n => n["kind"]!.GetValue<string>()).ShouldBe(["due-soon", "late"]);
        var deliveries = await DeliveriesAsync(webhook);
        deliveries.Single(d => d!["kind"]!.GetValue<string>() == "late")!["attempts"]!.GetValue<int>().ShouldBe(1);
    }
}
