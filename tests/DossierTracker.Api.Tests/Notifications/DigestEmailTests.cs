using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.Notifications;

/// <summary>The daily digest: its content, its time on working days, once a day, and nothing when there is nothing.</summary>
public sealed class DigestEmailTests(TrackerApp app) : NotificationScenario(app)
{
    // DefaultNow is Tuesday 2026-03-10 10:00 (+07:00); the digest is Wednesday's, at 07:30.
    private static readonly DateTimeOffset WednesdayBefore = DateTimeOffset.Parse("2026-03-11T07:29:00+07:00");
    private static readonly DateTimeOffset WednesdayAt = DateTimeOffset.Parse("2026-03-11T07:31:00+07:00");
    private const string Reader = "lanhdao@stp.gov.vn";

    /// <summary>One dossier in each list on Wednesday morning, and one of another subtree.</summary>
    private async Task DossiersOfEveryKindAsync()
    {
        await PostOkAsync(Received("OVERDUE-1", "2026-03-09T08:00:00+07:00", unitCode: TestProvince.Justice, dueAt: "2026-03-10T09:00:00+07:00"));
        await PostOkAsync(Received("SOON-1", "2026-03-10T09:00:00+07:00", unitCode: TestProvince.Justice, dueAt: "2026-03-11T14:00:00+07:00"));
        await PostOkAsync(Received("DONE-LATE-1", "2026-03-09T08:00:00+07:00", unitCode: TestProvince.Justice, dueAt: "2026-03-09T16:00:00+07:00"));
        await PostOkAsync(Event("resolved", "DONE-LATE-1", "2026-03-10T09:30:00+07:00"));
        await PostOkAsync(Received("OTHER-1", "2026-03-09T08:00:00+07:00", unitCode: TestProvince.Environment, dueAt: "2026-03-10T09:00:00+07:00"));
    }

    [Fact]
    public async Task digest_lists_overdue_due_soon_and_completed_late_of_the_subtree_with_links()
    {
        await SubscribeAsync(Reader, TestProvince.Justice, digest: true);
        await DossiersOfEveryKindAsync();

        (await DigestAtAsync(WednesdayAt)).ShouldBe(1);

        var mail = (await WaitForMailToAsync(Reader)).ShouldHaveSingleItem();
        mail.Subject.ShouldBe("[Bản tin] Sở Tư pháp — 11/03/2026: 1 quá hạn, 1 sắp đến hạn");
        mail.Text.ShouldContain("Quá hạn hiện nay: 1 hồ sơ");
        // 10/03 09:00 to 11/03 07:31: 6 h 31 min of office time, in days and hours as the lists show it.
        mail.Text.ShouldContain("OVERDUE-1 — Đăng ký khai sinh (Sở Tư pháp), hạn 10/03/2026 09:00, quá 7 giờ làm việc");
        mail.Text.ShouldContain("https://tracker.test/dossiers/OVERDUE-1");
        mail.Text.ShouldContain("Sắp đến hạn (trong 8 giờ làm việc): 1 hồ sơ");
        mail.Text.ShouldContain("https://tracker.test/dossiers/SOON-1");
        mail.Text.ShouldContain("Hoàn thành trễ hạn từ 10/03/2026: 1 hồ sơ");
        mail.Text.ShouldContain("https://tracker.test/dossiers/DONE-LATE-1");
        mail.Text.ShouldNotContain("OTHER-1");
    }

    [Fact]
    public async Task digest_is_not_handed_out_before_its_time()
    {
        await SubscribeAsync(Reader, TestProvince.Justice, digest: true);
        await DossiersOfEveryKindAsync();

        (await DigestAtAsync(WednesdayBefore)).ShouldBe(0);

        MailTo(Reader).ShouldBeEmpty();
    }

    [Fact]
    public async Task digest_goes_out_once_a_day_however_often_the_scheduler_looks()
    {
        await SubscribeAsync(Reader, TestProvince.Justice, digest: true);
        await DossiersOfEveryKindAsync();

        (await DigestAtAsync(WednesdayAt)).ShouldBe(1);
        (await DigestAtAsync(WednesdayAt.AddHours(3))).ShouldBe(0);

        (await WaitForMailToAsync(Reader)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task no_digest_on_a_holiday()
    {
        await SubscribeAsync(Reader, TestProvince.Justice, digest: true);
        await DossiersOfEveryKindAsync();

        // Friday 1 May 2026, Labour Day.
        (await DigestAtAsync(DateTimeOffset.Parse("2026-05-01T08:00:00+07:00"))).ShouldBe(0);

        MailTo(Reader).ShouldBeEmpty();
    }

    [Fact]
    public async Task nothing_is_sent_when_all_three_lists_are_empty()
    {
        await SubscribeAsync(Reader, TestProvince.Environment, digest: true);
        await PostOkAsync(Received("ELSEWHERE-1", "2026-03-09T08:00:00+07:00", unitCode: TestProvince.Justice, dueAt: "2026-03-10T09:00:00+07:00"));

        (await DigestAtAsync(WednesdayAt)).ShouldBe(1);

        MailTo(Reader).ShouldBeEmpty();
    }
}
