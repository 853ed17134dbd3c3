using DossierTracker.Api.Notifications.Email;
using DossierTracker.Api.Notifications.Subscriptions;
using DossierTracker.Api.ReferenceData;
using Microsoft.Extensions.Options;

namespace DossierTracker.Api.Notifications.Alerts;

/// <summary>
/// Turns a dossier that became late into one <see cref="SendEmail"/> per subscriber to alerts of a unit whose subtree
/// holds the dossier's unit, keyed by (subscription, dossier, due time). Under <c>MultipleHandlerBehavior.Separated</c>
/// this chain runs on its own durable local queue, apart from the webhooks', so a failure of one never replays the other.
/// </summary>
public static class LateAlertHandler
{
    public static async Task<IReadOnlyList<SendEmail>> Handle(DossierBecameLate late, SubscriptionStore subscriptions, ReferenceDataCache referenceData,
        IOptions<NotificationOptions> options, CancellationToken cancellationToken)
    {
        if (!options.Value.SendsEmail) return [];
        var snapshot = await referenceData.GetAsync(cancellationToken);
        var tree = snapshot.Units;
        return (await subscriptions.AllAsync(cancellationToken))
            .Where(s => s.LateAlerts && tree.Contains(s.UnitCode) && tree.Contains(late.UnitCode) && tree.IsInScopeOf(late.UnitCode, s.UnitCode))
            .Select(s => LateAlertEmail.For(s, late, snapshot, options.Value))
            .ToList();
    }
}
