using DossierTracker.Api.Notifications.Webhooks;
using Microsoft.Extensions.Options;

namespace DossierTracker.Api.Tests.Notifications.Webhooks;

/// <summary>The default backoff: doubling from 30 s, at most hourly, for a day.</summary>
public sealed class WebhookRetryScheduleTests
{
    private static readonly WebhookRetrySchedule Default = new(Options.Create(new WebhookOptions()));

    [Fact]
    public void waits_double_from_thirty_seconds_up_to_an_hour()
    {
        Enumerable.Range(1, 9).Select(n => Default.DelayAfter(n)).ShouldBe(
            new TimeSpan?[] { TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4),
                TimeSpan.FromMinutes(8), TimeSpan.FromMinutes(16), TimeSpan.FromMinutes(32), TimeSpan.FromHours(1), TimeSpan.FromHours(1) });
    }

    [Fact]
    public void retries_last_about_a_day_then_the_notice_is_parked()
    {
        var waits = Enumerable.Range(1, 100).Select(n => Default.DelayAfter(n)).TakeWhile(d => d is not null).Select(d => d!.Value).ToList();

        var total = waits.Aggregate(TimeSpan.Zero, (sum, wait) => sum + wait);
        total.ShouldBeLessThanOrEqualTo(TimeSpan.FromDays(1));
        total.ShouldBeGreaterThan(TimeSpan.FromDays(1) - TimeSpan.FromHours(1));
        Default.DelayAfter(waits.Count + 1).ShouldBeNull();
    }
}
