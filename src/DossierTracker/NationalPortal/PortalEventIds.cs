namespace DossierTracker.NationalPortal;

/// <summary>
/// Event ids derived from the snapshot alone: <c>dvcqg:{MaHoSo}:{step}:{yyyyMMddHHmmss}</c>. A retry of the same
/// snapshot gives the same ids (the idempotency ledger answers "duplicate"); distinct facts differ in step or time.
/// </summary>
public static class PortalEventIds
{
    public const string Prefix = "dvcqg";

    public static string Of(string dossierCode, string step, DateTimeOffset at) =>
        $"{Prefix}:{dossierCode}:{step}:{PortalDates.ToText(at)}";
}
