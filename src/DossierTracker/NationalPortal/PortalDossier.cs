using DossierTracker.Dossiers;

namespace DossierTracker.NationalPortal;

/// <summary>
/// One dossier as a <c>DongBoHoSoMC</c> snapshot describes it. Fields needed to receive the dossier are present for
/// every counted status (the parser requires them); statuses 1 and 3 may leave them out. The receiving unit is not
/// one of them: real senders write the processing body's name, or nothing, so it is found later
/// (<see cref="ReceivingUnits"/>) and set in <see cref="ReceivingUnitCode"/>.
/// </summary>
/// <param name="ProcessingBody">DonViXuLy as sent: a unit code, or the processing body's name.</param>
/// <param name="Channel">KenhThucHien; direct when absent or unknown (real senders leave it out).</param>
/// <param name="FinishedAt">NgayKetThucXuLy: processing finished (or, for 7 and 8, the dossier closed).</param>
/// <param name="ReturnedAt">NgayTra: the result handed to the applicant.</param>
/// <param name="Supplements">DanhSachHoSoBoSung, ordered by the time each supplement was requested.</param>
public sealed record PortalDossier(
    string Code,
    PortalStatus Status,
    string? ProcedureCode,
    string? ProcessingBody,
    Channel Channel,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? FinishedAt,
    DateTimeOffset? ReturnedAt,
    IReadOnlyList<SupplementRound> Supplements)
{
    /// <summary>The code of the unit that receives the dossier, once found; needed only to receive it.</summary>
    public string? ReceivingUnitCode { get; init; }

    /// <summary>Optional fields whose value the tracker did not know and set aside (field → messages); never a refusal.</summary>
    public IReadOnlyDictionary<string, string[]> Warnings { get; init; } = new Dictionary<string, string[]>();
}

/// <summary>One supplement round: requested (clock paused), and once the papers came in, received with a new due time.</summary>
/// <param name="RequestedAt">NgayBoSung.</param>
/// <param name="ReceivedAt">NgayTiepNhanBoSung; null while the applicant has not supplied the papers.</param>
/// <param name="PreviousDueAt">NgayHenTraTruoc: the due time before this round.</param>
/// <param name="NewDueAt">NgayHenTraMoi: the due time from the supplement's receipt on.</param>
/// <param name="Request">NoiDungBoSung: what was asked for.</param>
public sealed record SupplementRound(
    DateTimeOffset RequestedAt,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset? PreviousDueAt,
    DateTimeOffset? NewDueAt,
    string? Request);
