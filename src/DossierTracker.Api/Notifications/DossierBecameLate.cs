namespace DossierTracker.Api.Notifications;

/// <summary>
/// The tracker has just recorded its <c>late</c> event for this due time: cascaded from
/// the late sweep's <c>MarkDossierLateHandler</c> only when that event was created, so it is stored in the
/// event's own transaction (Marten outbox) and exists exactly once per (dossier, due time). Alerts by email and
/// webhooks each handle it in their own chain.
/// </summary>
/// <param name="LateEventId">Id of the stored <c>late</c> event: the same for every delivery of this notice.</param>
/// <param name="UnitCode">The receiving unit, whose subtree's subscribers hear of it.</param>
public sealed record DossierBecameLate(
    string DossierCode,
    string UnitCode,
    string ProcedureCode,
    DateTimeOffset DueAt,
    DateTimeOffset DetectedAt,
    string LateEventId);
