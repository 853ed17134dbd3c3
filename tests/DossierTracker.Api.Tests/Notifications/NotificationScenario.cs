using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.LateDetection;
using DossierTracker.Api.Notifications.Digests;
using DossierTracker.Api.Notifications.Email;
using DossierTracker.Api.Tests.Infrastructure;
using DossierTracker.DemoMail;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Tracking;

namespace DossierTracker.Api.Tests.Notifications;

/// <summary>Helpers of the notification scenarios: subscribing through the API, moving time, and reading the real mailbox.</summary>
public abstract class NotificationScenario(TrackerApp app) : ApiScenario(app)
{
    protected static readonly TimeSpan MailWait = TimeSpan.FromSeconds(30);

    protected async Task<JsonObject> SubscribeAsync(string email, string unitCode, bool digest = false, bool lateAlerts = false)
    {
        var response = await SendAsync(HttpMethod.Post, "/api/subscriptions", new { email, unitCode, digest, lateAlerts }, AdminKey);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>Runs the late sweep at <paramref name="at"/> and waits for every message it caused (alerts included).</summary>
    protected async Task SweepAtAsync(DateTimeOffset at)
    {
        App.Clock.SetUtcNow(at);
        var sweeper = App.Host.Services.GetRequiredService<LateSweeper>();
        await App.Host.ExecuteAndWaitAsync(() => sweeper.SweepAsync(CancellationToken.None), timeoutInMilliseconds: 30_000);
    }

    /// <summary>Hands out the digests at <paramref name="at"/> and waits for the emails they cause; returns how many were handed out.</summary>
    protected async Task<int> DigestAtAsync(DateTimeOffset at)
    {
        App.Clock.SetUtcNow(at);
        var scheduler = App.Host.Services.GetRequiredService<DigestScheduler>();
        var handedOut = 0;
        await App.Host.ExecuteAndWaitAsync(async () => handedOut = await scheduler.RunAsync(CancellationToken.None), timeoutInMilliseconds: 30_000);
        return handedOut;
    }

    protected IReadOnlyList<ReceivedMail> MailTo(string address) =>
        App.Mail.Messages.Where(m => m.Recipients.Contains(address, StringComparer.OrdinalIgnoreCase)).ToList();

    protected async Task<IReadOnlyList<ReceivedMail>> WaitForMailToAsync(string address, int count = 1)
    {
        using var timeout = new CancellationTokenSource(MailWait);
        while (MailTo(address).Count < count && !timeout.IsCancellationRequested) await Task.Delay(100, CancellationToken.None);
        return MailTo(address);
    }

    protected async Task<SentNotice?> WaitForNoticeAsync(Func<SentNotice, bool> condition)
    {
        var notices = App.Host.Services.GetRequiredService<SentNotices>();
        using var timeout = new CancellationTokenSource(MailWait);
        while (!timeout.IsCancellationRequested)
        {
            if ((await notices.LatestAsync(100, CancellationToken.None)).FirstOrDefault(condition) is { } notice) return notice;
            await Task.Delay(100, CancellationToken.None);
        }
        return null;
    }
}
