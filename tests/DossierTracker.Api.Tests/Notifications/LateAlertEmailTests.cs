using DossierTracker.Api.Notifications.Email;
using DossierTracker.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Tracking;

namespace DossierTracker.Api.Tests.Notifications;

/// <summary>The immediate alert when the late sweep marks a dossier late, through a real SMTP server.</summary>
public sealed class LateAlertEmailTests(TrackerApp app) : NotificationScenario(app)
{
    private const string Code = "H99.01-260310-0001";
    // DefaultNow is Tuesday 2026-03-10 10:00 (+07:00).
    private static readonly DateTimeOffset AfterDue = DateTimeOffset.Parse("2026-03-10T15:05:00+07:00");

    private Task ReceiveDossierDueAt1500(string unitCode = TestProvince.CommuneA1) =>
        PostOkAsync(Received(Code, "2026-03-10T09:00:00+07:00", unitCode: unitCode, dueAt: "2026-03-10T15:00:00+07:00"));

    [Fact]
    public async Task subscriber_of_a_unit_above_gets_an_alert_naming_the_dossier_in_vietnamese_with_a_link()
    {
        await SubscribeAsync("chutich@caophong.gov.vn", TestProvince.DistrictA, lateAlerts: true);
        await ReceiveDossierDueAt1500();

        await SweepAtAsync(AfterDue);

        var mail = (await WaitForMailToAsync("chutich@caophong.gov.vn")).ShouldHaveSingleItem();
        mail.Recipients.ShouldBe(["chutich@caophong.gov.vn"]);
        mail.Subject.ShouldBe($"[Trễ hạn] {Code} — Đăng ký khai sinh");
        mail.Text.ShouldContain($"Hồ sơ {Code} đã quá hạn xử lý.");
        mail.Text.ShouldContain("Đơn vị tiếp nhận: Xã Bắc Phong");
        mail.Text.ShouldContain("Thủ tục: Đăng ký khai sinh");
        mail.Text.ShouldContain("Hạn xử lý: 10/03/2026 15:00");
        mail.Text.ShouldContain($"https://tracker.test/dossiers/{Code}");
    }

    [Fact]
    public async Task subscribers_of_another_subtree_or_of_the_digest_only_hear_nothing()
    {
        await SubscribeAsync("dabac@dabac.gov.vn", TestProvince.DistrictB, lateAlerts: true);
        await SubscribeAsync("sang@caophong.gov.vn", TestProvince.DistrictA, digest: true);
        await SubscribeAsync("chutich@caophong.gov.vn", TestProvince.DistrictA, lateAlerts: true);
        await ReceiveDossierDueAt1500();

        await SweepAtAsync(AfterDue);

        await WaitForMailToAsync("chutich@caophong.gov.vn");
        MailTo("dabac@dabac.gov.vn").ShouldBeEmpty();
        MailTo("sang@caophong.gov.vn").ShouldBeEmpty();
    }

    [Fact]
    public async Task sweeping_again_sends_no_second_alert()
    {
        await SubscribeAsync("chutich@caophong.gov.vn", TestProvince.DistrictA, lateAlerts: true);
        await ReceiveDossierDueAt1500();

        await SweepAtAsync(AfterDue);
        await SweepAtAsync(AfterDue.AddMinutes(5));

        (await WaitForMailToAsync("chutich@caophong.gov.vn")).Count.ShouldBe(1);
    }

    [Fact]
    public async Task the_same_email_message_delivered_twice_is_sent_once()
    {
        var email = new SendEmail("alert:test:twice", NoticeKinds.LateAlert, "twice@stp.gov.vn", "[Trễ hạn] X — Y", "Nội dung");

        await App.Host.InvokeMessageAndWaitAsync(email);
        await App.Host.InvokeMessageAndWaitAsync(email);

        (await WaitForMailToAsync("twice@stp.gov.vn")).Count.ShouldBe(1);
        var notice = await App.Host.Services.GetRequiredService<SentNotices>().LatestAsync(10, CancellationToken.None);
        notice.Single(n => n.Key == "alert:test:twice").Status.ShouldBe(NoticeStatus.Sent);
    }
}
