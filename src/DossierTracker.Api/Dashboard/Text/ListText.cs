using DossierTracker.Api.Exports;

namespace DossierTracker.Api.Dashboard.Text;

public sealed partial class DashboardText
{
    /// <summary>The words the lists for people added (issue 19): filters, dates typed as dd/mm/yyyy, working days and hours.</summary>
    public required ListText Lists { get; init; }
}

/// <summary>Words of the late, due-soon and drill-down lists and the dossier page's working time, one instance per language.</summary>
public sealed record ListText
{
    public required string UnitLabel { get; init; }
    public required string FieldLabel { get; init; }
    public required string AllFields { get; init; }
    public required string WithoutField { get; init; }
    public required string DossierCodeLabel { get; init; }
    public required string DossierCodeHint { get; init; }
    public required string DatePlaceholder { get; init; }
    public required string DateHint { get; init; }
    /// <summary>{0} the field's label.</summary>
    public required string DateInvalidFormat { get; init; }
    public required string RangeReversed { get; init; }
    public required string ErrorSummary { get; init; }
    /// <summary>The <c>handlerName</c> of a <c>processing</c> event in the dossier's events.</summary>
    public required string HandlerNameField { get; init; }
    public required string OverdueHeading { get; init; }
    public required string RemainingHeading { get; init; }
    public required string DownloadMachineCsv { get; init; }
    public required string DueMovedFormat { get; init; }
    public required string VerdictCompletedLateFormat { get; init; }
    public required string VerdictOverdueFormat { get; init; }
    public required DurationWords Words { get; init; }

    /// <summary>Working hours as working days (8 hours) and hours: "2 ngày 3 giờ".</summary>
    public string Duration(double workingHours) => WorkingDuration.Of(workingHours).ToText(Words);

    public static readonly ListText Vietnamese = new()
    {
        UnitLabel = "Đơn vị",
        FieldLabel = "Lĩnh vực",
        AllFields = "Mọi lĩnh vực",
        WithoutField = "Thủ tục chưa gắn lĩnh vực",
        DossierCodeLabel = "Mã hồ sơ",
        DossierCodeHint = "Toàn bộ hoặc một phần mã, ví dụ 221101-0001",
        DatePlaceholder = "dd/mm/yyyy",
        DateHint = "Ngày nhập theo dạng dd/mm/yyyy, ví dụ 15/11/2022.",
        DateInvalidFormat = "{0}: ngày không hợp lệ, hãy nhập theo dạng dd/mm/yyyy (ví dụ 15/11/2022).",
        RangeReversed = "Đến ngày không được trước Từ ngày.",
        ErrorSummary = "Chưa xem được danh sách, hãy sửa các mục sau:",
        HandlerNameField = "Họ tên cán bộ xử lý",
        OverdueHeading = "Quá hạn",
        RemainingHeading = "Còn lại",
        DownloadMachineCsv = "CSV cho phần mềm",
        DueMovedFormat = "lùi {0} làm việc so với hạn ban đầu",
        VerdictCompletedLateFormat = "Giải quyết quá hạn: có kết quả sau hạn xử lý hiện hành {0} làm việc.",
        VerdictOverdueFormat = "Đang quá hạn {0} làm việc.",
        Words = DurationWords.Vietnamese,
    };

    public static readonly ListText English = new()
    {
        UnitLabel = "Unit",
        FieldLabel = "Field",
        AllFields = "All fields",
        WithoutField = "Procedures without a field",
        DossierCodeLabel = "Dossier code",
        DossierCodeHint = "All or part of the code, e.g. 221101-0001",
        DatePlaceholder = "dd/mm/yyyy",
        DateHint = "Type dates as dd/mm/yyyy, e.g. 15/11/2022.",
        DateInvalidFormat = "{0}: not a valid date; type it as dd/mm/yyyy (e.g. 15/11/2022).",
        RangeReversed = "The end date must not be before the start date.",
        ErrorSummary = "The list cannot be shown yet; please correct the following:",
        HandlerNameField = "Handler's name",
        OverdueHeading = "Overdue",
        RemainingHeading = "Left",
        DownloadMachineCsv = "CSV for software",
        DueMovedFormat = "{0} of working time later than the original",
        VerdictCompletedLateFormat = "Resolved late: completed {0} of working time after the effective due time.",
        VerdictOverdueFormat = "Overdue by {0} of working time.",
        Words = DurationWords.English,
    };
}
