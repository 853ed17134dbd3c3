using DossierTracker.Api.Http;
using DossierTracker.Api.LateDossiers;
using DossierTracker.Api.Notifications.Email;
using DossierTracker.Api.Notifications.Subscriptions;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Api.Security;
using DossierTracker.Calendar;
using Microsoft.Extensions.Options;

namespace DossierTracker.Api.Notifications.Digests;

/// <summary>
/// Reads the three lists for the subscription's subtree with the late and due-soon lists' own queries, and sends the
/// digest as one <see cref="SendEmail"/> keyed by (subscription, day); when all three are empty, nothing is sent.
/// </summary>
public static class SendDigestHandler
{
    public static async Task<IReadOnlyList<SendEmail>> Handle(SendDigest digest, SubscriptionStore subscriptions, DossierLists lists,
        ReferenceDataCache referenceData, TrackerClock clock, IOptions<NotificationOptions> options, ILogger<SendDigest> logger,
        CancellationToken cancellationToken)
    {
        var snapshot = await referenceData.GetAsync(cancellationToken);
        if (await subscriptions.FindAsync(digest.SubscriptionId, cancellationToken) is not { } subscription
            || snapshot.Units.Find(subscription.UnitCode) is not { } unit) return [];

        var now = clock.Now;
        var scope = new UnitScope(unit, snapshot.Units.ScopeOf(unit.Code));
        var all = new DossierListRequest(null, null, null, null, null, 1, ListPaging.MaxPageSize, ListFormat.Json);
        var paging = new ListPaging(1, DigestEmail.MaxItemsPerList);
        var overdue = await lists.LateAsync(scope, all, LateState.Open, ListSort.Overdue, now, paging, cancellationToken);
        var dueSoon = await lists.DueSoonAsync(scope, all, DossierLists.DefaultWithinHours, now, cancellationToken);
        var since = PreviousWorkingDay(snapshot.Calendar, digest.Day);
        var completedLate = await lists.LateAsync(scope, all with { From = since, To = digest.Day.AddDays(-1) }, LateState.Completed,
            ListSort.Overdue, now, paging, cancellationToken);

        if (overdue.Total == 0 && dueSoon.Count == 0 && completedLate.Total == 0)
        {
            logger.LogInformation("Digest of {Day} for subscription {Id}: nothing overdue, due soon or completed late; not sent", digest.Day, subscription.Id);
            return [];
        }
        return [DigestEmail.For(subscription, unit, digest.Day, since, overdue, dueSoon, completedLate, options.Value)];
    }

    /// <summary>Monday's digest covers what was completed late since Friday (or the working day before a holiday).</summary>
    private static DateOnly PreviousWorkingDay(WorkingCalendar calendar, DateOnly day)
    {
        var previous = day.AddDays(-1);
        for (var i = 0; i < 30 && !calendar.IsWorkingDay(previous); i++) previous = previous.AddDays(-1);
        return previous;
    }
}
