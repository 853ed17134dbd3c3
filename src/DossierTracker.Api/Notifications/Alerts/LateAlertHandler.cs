namespace DossierTracker.Api.Notifications.Alerts;

/// <summary>
/// Hears of every dossier the tracker marks late. Under <c>MultipleHandlerBehavior.Separated</c> this chain runs on
/// its own durable local queue, apart from the webhooks' chain, so a failure of one never replays the other.
/// </summary>
public static class LateAlertHandler
{
    public static void Handle(DossierBecameLate late, ILogger<DossierBecameLate> logger) =>
        logger.LogInformation("Dossier {DossierCode} of unit {UnitCode} became late for {DueAt:O}", late.DossierCode, late.UnitCode, late.DueAt);
}
