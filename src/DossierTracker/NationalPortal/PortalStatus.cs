namespace DossierTracker.NationalPortal;

/// <summary>The national dossier status codes (TrangThaiHoSo) that the portal's services carry.</summary>
public enum PortalStatus
{
    SubmittedOnline = 1,
    Received = 2,
    RefusedAtReception = 3,
    Processing = 4,
    SupplementRequested = 5,
    PaymentRequested = 6,
    Withdrawn = 7,
    Stopped = 8,
    Resolved = 9,
    Returned = 10,
}

public static class PortalStatuses
{
    /// <summary>1 (not yet received) and 3 (refused at reception) never enter the figures, so they record nothing.</summary>
    public static bool IsCounted(this PortalStatus status) =>
        status is not (PortalStatus.SubmittedOnline or PortalStatus.RefusedAtReception);
}
