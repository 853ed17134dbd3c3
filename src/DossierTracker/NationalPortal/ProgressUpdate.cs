using System.Security.Cryptography;
using System.Text;
using DossierTracker.Calendar;
using DossierTracker.Ingestion;

namespace DossierTracker.NationalPortal;

/// <summary>
/// One step of a dossier's processing as <c>CapNhatTienDoHoSoMC</c> reports it: who handled it, when, in which
/// department, what was done, and the step's own deadline.
/// </summary>
/// <param name="Handler">NguoiXuLy.</param>
/// <param name="HandledAt">ThoiDiemXuLy.</param>
/// <param name="Department">PhongBanXuLy: a department inside the unit, not a unit of the tree, so it goes into the note.</param>
/// <param name="Content">NoiDungXuLy.</param>
/// <param name="Status">TrangThai: the national status at this step; status changes themselves come from DongBoHoSoMC.</param>
/// <param name="StepDueAt">NgayKetThucTheoQuyDinh: when this step should end by the procedure's rules.</param>
public sealed record ProgressUpdate(
    string DossierCode, string? Handler, DateTimeOffset HandledAt, string? Department, string? Content, PortalStatus? Status, DateTimeOffset? StepDueAt)
{
    /// <summary>
    /// A <c>processing</c> event. Its id is <c>dvcqg:{MaHoSo}:progress:{ThoiDiemXuLy}:{8 hex digits of NguoiXuLy's
    /// hash}</c>, so two officers acting in the same second are two steps, and a retry is the same step.
    /// </summary>
    public ProcessingSubmission ToSubmission() =>
        new(PortalEventIds.Of(DossierCode, "progress", HandledAt) + ":" + HandlerTag(), DossierCode, HandledAt, null, Handler, Note());

    /// <summary>
    /// The processing event has no field for a step deadline (events are facts never changed once shipped), so the
    /// department, the deadline and the portal status are kept readable in the note.
    /// </summary>
    public string? Note()
    {
        var parts = new List<string>();
        if (Content is not null) parts.Add(Content);
        if (Department is not null) parts.Add($"Phòng ban: {Department}");
        if (StepDueAt is { } due) parts.Add($"Hạn xử lý bước: {VietnamTime.ToLocal(due):yyyy-MM-dd'T'HH:mm:sszzz}");
        if (Status is { } status) parts.Add($"Trạng thái DVCQG: {(int)status}");
        return parts.Count > 0 ? string.Join(" | ", parts) : null;
    }

    private string HandlerTag() =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Handler ?? "")))[..8];
}
