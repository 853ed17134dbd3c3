using System.Net;
using DossierTracker.Api.Notifications.Email;
using DossierTracker.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Tracking;

namespace DossierTracker.Api.Tests.Notifications;

/// <summary>Delivery through outages and refusals: retried when the server is down, recorded and shown when refused for good.</summary>
public sealed class DeliveryTests(TrackerApp app) : NotificationScenario(app)
{
    private static SendEmail Alert(string key, string to) => new(key, NoticeKinds.LateAlert, to, $"[Trễ hạn] {key} — Đăng ký khai sinh", "Hồ sơ đã quá hạn xử lý.");

    [Fact]
    public async Task email_sent_while_the_smtp_server_is_down_is_retried_and_delivered_once_it_is_back()
    {
        await App.Mail.StopAsync();
        try
        {
            await using (var scope = App.Host.Services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<IMessageBus>().PublishAsync(Alert("alert:down", "down@stp.gov.vn"));

            var failed = (await WaitForNoticeAsync(n => n.Key == "alert:down" && n.Status == NoticeStatus.Failed)).ShouldNotBeNull();
            failed.LastError.ShouldNotBeNullOrEmpty();
        }
        finally
        {
            await App.Mail.StartAsync();
        }

        (await WaitForMailToAsync("down@stp.gov.vn")).Count.ShouldBe(1);
        (await WaitForNoticeAsync(n => n.Key == "alert:down" && n.Status == NoticeStatus.Sent)).ShouldNotBeNull().Attempts.ShouldBeGreaterThan(1);
    }

    [Fact]
    public async Task permanent_refusal_is_recorded_as_bounced_not_retried_and_shown_on_the_admin_page()
    {
        App.Mail.RejectRecipient = address => address == "khongton@stp.gov.vn";

        await App.Host.InvokeMessageAndWaitAsync(Alert("alert:bounce", "khongton@stp.gov.vn"));

        var notice = (await WaitForNoticeAsync(n => n.Key == "alert:bounce")).ShouldNotBeNull();
        notice.Status.ShouldBe(NoticeStatus.Bounced);
        notice.Attempts.ShouldBe(1);
        notice.LastError!.ShouldContain("550");
        using var browser = DashboardForms.For(App.Host);
        (await browser.SignInAsync(AdminKey)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await browser.GetAsync("/admin/notifications");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        html.ShouldContain("khongton@stp.gov.vn");
        html.ShouldContain(NoticeStatus.Bounced);
    }

    [Fact]
    public async Task the_notifications_page_is_for_admins_only()
    {
        using var browser = DashboardForms.For(App.Host);
        (await browser.SignInAsync(SupervisorKey)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await browser.GetAsync("/admin/notifications");

        page.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
    }

    /// <summary>
    /// A node that sent an email and recorded it, then went away: the same durable message handled again by a freshly
    /// started host on the same database (as after a restart, or on another node) finds the notice sent and sends nothing.
    /// </summary>
    [Fact]
    public async Task an_email_delivered_again_after_a_restart_is_not_sent_twice()
    {
        var email = Alert("alert:restart", "restart@stp.gov.vn");
        await App.Host.InvokeMessageAndWaitAsync(email);
        (await WaitForMailToAsync("restart@stp.gov.vn")).Count.ShouldBe(1);

        await using var restarted = await TrackerApp.StartHostAsync(App.ConnectionString, App.Clock, settings: TrackerApp.MailSettings(App.Mail));
        await restarted.InvokeMessageAndWaitAsync(email);

        MailTo("restart@stp.gov.vn").Count.ShouldBe(1);
    }

    /// <summary>A sender that claimed the notice and died mid-conversation holds it for the lease: another node does not send meanwhile.</summary>
    [Fact]
    public async Task a_notice_claimed_by_a_sender_still_within_its_lease_is_not_sent_by_another()
    {
        var email = Alert("alert:claimed", "claimed@stp.gov.vn");
        var notices = App.Host.Services.GetRequiredService<SentNotices>();
        (await notices.ClaimAsync(email, CancellationToken.None)).ShouldBe(ClaimOutcome.Claimed);

        (await notices.ClaimAsync(email, CancellationToken.None)).ShouldBe(ClaimOutcome.BusyElsewhere);
        await notices.MarkSentAsync(email.NoticeKey, CancellationToken.None);
        (await notices.ClaimAsync(email, CancellationToken.None)).ShouldBe(ClaimOutcome.AlreadyDone);
    }
}
