using DossierTracker.Calendar;

namespace DossierTracker.Api.Dashboard.Text;

public sealed partial class DashboardText
{
    /// <summary>The admin area's words for reference data (units, procedures, calendar years): only admins see them.</summary>
    public required AdminReferenceText AdminReference { get; init; }
}

/// <summary>Words of the admin area's index and its reference data pages, one instance per language.</summary>
public sealed record AdminReferenceText
{
    public required string Nav { get; init; }
    public required string Title { get; init; }
    public required string Intro { get; init; }
    public required string AdminsOnly { get; init; }
    public required string ProvinceAdminsOnly { get; init; }

    public required string ReasonLabel { get; init; }
    public required string ReasonHint { get; init; }
    public required string ReasonRequired { get; init; }
    public required string ReasonTooLong { get; init; }
    public required string NotSaved { get; init; }
    public required string Saved { get; init; }
    public required string Save { get; init; }
    public required string Cancel { get; init; }
    public required string Edit { get; init; }
    public required string None { get; init; }
    public required string DateHint { get; init; }
    public required string DateInvalid { get; init; }

    public required string UploadTitle { get; init; }
    public required string UploadHintFormat { get; init; }
    public required string FileLabel { get; init; }
    public required string Preview { get; init; }
    public required string PreviewTitle { get; init; }
    public required string PreviewCountsFormat { get; init; }
    public required string Apply { get; init; }
    public required string AppliedFormat { get; init; }
    public required string UploadRejected { get; init; }
    public required string RowFormat { get; init; }
    public required string ItemFormat { get; init; }
    public required string WholeFile { get; init; }
    public required string Added { get; init; }
    public required string Changed { get; init; }
    public required string Unchanged { get; init; }
    public required string Row { get; init; }
    public required string Status { get; init; }
    public required string Problem { get; init; }
    public required IReadOnlyDictionary<string, string> FileProblems { get; init; }

    public required string UnitsTitle { get; init; }
    public required string UnitsIntro { get; init; }
    public required string AddUnit { get; init; }
    public required string AddUnitBelowFormat { get; init; }
    public required string EditUnitFormat { get; init; }
    public required string CodeLabel { get; init; }
    public required string NameLabel { get; init; }
    public required string LevelLabel { get; init; }
    public required string ParentLabel { get; init; }
    public required string ValidFromLabel { get; init; }
    public required string ValidToLabel { get; init; }
    public required string SuccessorLabel { get; init; }
    public required string SuccessorHint { get; init; }

    public required string ProceduresTitle { get; init; }
    public required string ProceduresIntro { get; init; }
    public required string AddProcedure { get; init; }
    public required string EditProcedureFormat { get; init; }
    public required string ProcessingTimeLabel { get; init; }
    public required string ProcessingValueLabel { get; init; }
    public required string ProcessingUnitLabel { get; init; }
    public required string FieldLabel { get; init; }
    public required string FieldCodeLabel { get; init; }
    public required string FieldNameLabel { get; init; }
    public required string NoProcedures { get; init; }
    public required IReadOnlyDictionary<ProcessingTimeUnit, string> TimeUnits { get; init; }

    public required string CalendarTitle { get; init; }
    public required string CalendarIntro { get; init; }
    public required string YearFormat { get; init; }
    public required string PreviousYear { get; init; }
    public required string NextYear { get; init; }
    public required IReadOnlyList<string> Months { get; init; }
    /// <summary>Monday first, as Vietnamese calendars print the week.</summary>
    public required IReadOnlyList<string> Weekdays { get; init; }
    public required string Holiday { get; init; }
    public required string WorkingWeekendDay { get; init; }
    public required string Weekend { get; init; }
    public required string Legend { get; init; }
    public required string SourceLabel { get; init; }
    public required IReadOnlyDictionary<CalendarYearSource, string> Sources { get; init; }
    public required string ChangedByFormat { get; init; }
    public required string AddDayTitle { get; init; }
    public required string RemoveDayTitle { get; init; }
    public required string DayLabel { get; init; }
    public required string KindLabel { get; init; }
    public required string KindInvalid { get; init; }
    public required string AddDay { get; init; }
    public required string RemoveDay { get; init; }
    public required string NoDays { get; init; }
    public required string HolidaysHeading { get; init; }
    public required string WorkingDaysHeading { get; init; }
    public required string OtherYearNote { get; init; }

    public string ProblemOfFile(string problem) => FileProblems.GetValueOrDefault(problem, problem);

    public static readonly AdminReferenceText Vietnamese = new()
    {
        Nav = "Quản trị",
        Title = "Quản trị",
        Intro = "Danh mục dùng chung của hệ thống. Mọi thay đổi cần nêu lý do và được ghi vào nhật ký thay đổi.",
        AdminsOnly = "Chỉ quản trị viên được vào khu vực quản trị.",
        ProvinceAdminsOnly = "Thủ tục và lịch làm việc dùng chung cho cả tỉnh: chỉ quản trị viên cấp tỉnh được thay đổi.",
        ReasonLabel = "Lý do thay đổi",
        ReasonHint = "Bắt buộc; được ghi vào nhật ký thay đổi.",
        ReasonRequired = "Hãy nêu lý do thay đổi.",
        ReasonTooLong = "Lý do dài quá 1.000 ký tự hoặc có ký tự điều khiển.",
        NotSaved = "Chưa lưu gì: hãy sửa các lỗi dưới đây.",
        Saved = "Đã lưu thay đổi.",
        Save = "Lưu",
        Cancel = "Hủy",
        Edit = "Sửa",
        None = "(không có)",
        DateHint = "dd/mm/yyyy",
        DateInvalid = "Ngày phải có dạng dd/mm/yyyy.",
        UploadTitle = "Tải lên từ tệp",
        UploadHintFormat = "Tệp JSON (nội dung của {0}) hoặc tệp XLSX một trang tính, dòng đầu là tên cột: {1}. Tệp được xem trước; chỉ áp dụng khi bạn xác nhận, và không áp dụng gì nếu có dòng sai.",
        FileLabel = "Tệp (.json hoặc .xlsx)",
        Preview = "Xem trước",
        PreviewTitle = "Xem trước thay đổi",
        PreviewCountsFormat = "{0} thêm mới, {1} thay đổi, {2} không đổi.",
        Apply = "Áp dụng",
        AppliedFormat = "Đã áp dụng tệp: {0} mục thêm mới hoặc thay đổi.",
        UploadRejected = "Tệp không được áp dụng, không có gì thay đổi. Các lỗi theo dòng:",
        RowFormat = "Dòng {0}",
        ItemFormat = "Mục {0}",
        WholeFile = "Cả tệp",
        Added = "Thêm mới",
        Changed = "Thay đổi",
        Unchanged = "Không đổi",
        Row = "Dòng",
        Status = "Thay đổi",
        Problem = "Lỗi",
        FileProblems = new Dictionary<string, string>
        {
            ["missing"] = "Hãy chọn một tệp.",
            ["json"] = "Tệp không phải JSON hợp lệ dạng một mảng.",
            ["xlsx"] = "Tệp không phải bảng tính XLSX đọc được.",
            ["confirm"] = "Nội dung xác nhận không hợp lệ; hãy tải tệp lên lại.",
        },
        UnitsTitle = "Cơ cấu tổ chức",
        UnitsIntro = "Các đơn vị trong phạm vi của bạn. Thêm đơn vị, đổi tên, đặt thời gian hiệu lực và đơn vị kế thừa.",
        AddUnit = "Thêm đơn vị",
        AddUnitBelowFormat = "Thêm đơn vị trực thuộc {0}",
        EditUnitFormat = "Sửa đơn vị {0}",
        CodeLabel = "Mã",
        NameLabel = "Tên",
        LevelLabel = "Cấp",
        ParentLabel = "Đơn vị cấp trên",
        ValidFromLabel = "Hiệu lực từ ngày",
        ValidToLabel = "Hiệu lực đến ngày",
        SuccessorLabel = "Đơn vị kế thừa (mã)",
        SuccessorHint = "Đơn vị tiếp nhận công việc từ ngày sau ngày hết hiệu lực.",
        ProceduresTitle = "Thủ tục hành chính",
        ProceduresIntro = "Danh mục thủ tục với lĩnh vực và thời hạn giải quyết. Thời hạn mới áp dụng cho hồ sơ tiếp nhận sau khi lưu.",
        AddProcedure = "Thêm thủ tục",
        EditProcedureFormat = "Sửa thủ tục {0}",
        ProcessingTimeLabel = "Thời hạn giải quyết",
        ProcessingValueLabel = "Thời hạn (số)",
        ProcessingUnitLabel = "Đơn vị thời hạn",
        FieldLabel = "Lĩnh vực",
        FieldCodeLabel = "Mã lĩnh vực",
        FieldNameLabel = "Tên lĩnh vực",
        NoProcedures = "Chưa có thủ tục nào.",
        TimeUnits = new Dictionary<ProcessingTimeUnit, string>
        {
            [ProcessingTimeUnit.WorkingDays] = "ngày làm việc",
            [ProcessingTimeUnit.WorkingHours] = "giờ làm việc",
            [ProcessingTimeUnit.CalendarDays] = "ngày",
        },
        CalendarTitle = "Lịch làm việc",
        CalendarIntro = "Ngày nghỉ lễ và ngày làm bù (thứ Bảy, Chủ nhật đi làm) của năm. Thay đổi áp dụng ngay cho hồ sơ tiếp nhận sau đó; hạn của hồ sơ đã tiếp nhận không đổi.",
        YearFormat = "Năm {0}",
        PreviousYear = "Năm trước",
        NextYear = "Năm sau",
        Months = ["Tháng 1", "Tháng 2", "Tháng 3", "Tháng 4", "Tháng 5", "Tháng 6", "Tháng 7", "Tháng 8", "Tháng 9", "Tháng 10", "Tháng 11", "Tháng 12"],
        Weekdays = ["T2", "T3", "T4", "T5", "T6", "T7", "CN"],
        Holiday = "Ngày nghỉ",
        WorkingWeekendDay = "Ngày làm bù",
        Weekend = "Cuối tuần",
        Legend = "Chú giải",
        SourceLabel = "Nguồn",
        Sources = new Dictionary<CalendarYearSource, string>
        {
            [CalendarYearSource.OfficialTable] = "bảng ngày nghỉ chính thức",
            [CalendarYearSource.Computed] = "tính theo quy định",
            [CalendarYearSource.Operator] = "đã được quản trị viên điều chỉnh",
        },
        ChangedByFormat = "Điều chỉnh lần cuối bởi {0} lúc {1}.",
        AddDayTitle = "Thêm ngày nghỉ hoặc ngày làm bù",
        RemoveDayTitle = "Bỏ một ngày",
        DayLabel = "Ngày",
        KindLabel = "Loại ngày",
        KindInvalid = "Hãy chọn ngày nghỉ hoặc ngày làm bù.",
        AddDay = "Thêm",
        RemoveDay = "Bỏ ngày này",
        NoDays = "Không có.",
        HolidaysHeading = "Ngày nghỉ",
        WorkingDaysHeading = "Ngày làm bù",
        OtherYearNote = "Ngày thuộc năm khác theo quyết định của năm này (ví dụ 31/12 năm trước) không sửa được ở đây.",
    };

    public static readonly AdminReferenceText English = new()
    {
        Nav = "Administration",
        Title = "Administration",
        Intro = "The reference data the tracker works with. Every change needs a reason and is recorded in the audit trail.",
        AdminsOnly = "Only administrators may use the administration pages.",
        ProvinceAdminsOnly = "Procedures and working calendars are province-wide: only a province administrator changes them.",
        ReasonLabel = "Reason for the change",
        ReasonHint = "Required; recorded in the audit trail.",
        ReasonRequired = "Give a reason for the change.",
        ReasonTooLong = "The reason is over 1,000 characters or holds control characters.",
        NotSaved = "Nothing was saved: correct the errors below.",
        Saved = "The change is saved.",
        Save = "Save",
        Cancel = "Cancel",
        Edit = "Edit",
        None = "(none)",
        DateHint = "dd/mm/yyyy",
        DateInvalid = "A date is written dd/mm/yyyy.",
        UploadTitle = "Upload a file",
        UploadHintFormat = "A JSON file (the body of {0}) or an XLSX file with one sheet whose first row names the columns: {1}. The file is previewed and applied only when you confirm; nothing is applied if a row is invalid.",
        FileLabel = "File (.json or .xlsx)",
        Preview = "Preview",
        PreviewTitle = "Preview of the changes",
        PreviewCountsFormat = "{0} added, {1} changed, {2} unchanged.",
        Apply = "Apply",
        AppliedFormat = "The file was applied: {0} items added or changed.",
        UploadRejected = "The file was not applied; nothing changed. The errors by row:",
        RowFormat = "Row {0}",
        ItemFormat = "Item {0}",
        WholeFile = "Whole file",
        Added = "Added",
        Changed = "Changed",
        Unchanged = "Unchanged",
        Row = "Row",
        Status = "Change",
        Problem = "Error",
        FileProblems = new Dictionary<string, string>
        {
            ["missing"] = "Choose a file.",
            ["json"] = "The file is not valid JSON holding an array.",
            ["xlsx"] = "The file is not a readable XLSX workbook.",
            ["confirm"] = "The confirmation is not valid; upload the file again.",
        },
        UnitsTitle = "Organisation",
        UnitsIntro = "The units in your scope. Add units, rename them, set their validity and successor.",
        AddUnit = "Add a unit",
        AddUnitBelowFormat = "Add a unit under {0}",
        EditUnitFormat = "Edit unit {0}",
        CodeLabel = "Code",
        NameLabel = "Name",
        LevelLabel = "Level",
        ParentLabel = "Parent unit",
        ValidFromLabel = "Valid from",
        ValidToLabel = "Valid to",
        SuccessorLabel = "Successor (code)",
        SuccessorHint = "The unit that takes over the day after this one's last valid day.",
        ProceduresTitle = "Procedures",
        ProceduresIntro = "The procedures with their field and processing time. A new processing time applies to dossiers received after saving.",
        AddProcedure = "Add a procedure",
        EditProcedureFormat = "Edit procedure {0}",
        ProcessingTimeLabel = "Processing time",
        ProcessingValueLabel = "Processing time (number)",
        ProcessingUnitLabel = "Unit of time",
        FieldLabel = "Field",
        FieldCodeLabel = "Field code",
        FieldNameLabel = "Field name",
        NoProcedures = "No procedures yet.",
        TimeUnits = new Dictionary<ProcessingTimeUnit, string>
        {
            [ProcessingTimeUnit.WorkingDays] = "working days",
            [ProcessingTimeUnit.WorkingHours] = "working hours",
            [ProcessingTimeUnit.CalendarDays] = "calendar days",
        },
        CalendarTitle = "Working calendar",
        CalendarIntro = "The year's holidays and swapped working days (Saturdays or Sundays worked). A change applies at once to dossiers received after it; due times already set do not move.",
        YearFormat = "Year {0}",
        PreviousYear = "Previous year",
        NextYear = "Next year",
        Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        Weekdays = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"],
        Holiday = "Holiday",
        WorkingWeekendDay = "Swapped working day",
        Weekend = "Weekend",
        Legend = "Legend",
        SourceLabel = "Source",
        Sources = new Dictionary<CalendarYearSource, string>
        {
            [CalendarYearSource.OfficialTable] = "the official holiday table",
            [CalendarYearSource.Computed] = "computed from the rules",
            [CalendarYearSource.Operator] = "corrected by an administrator",
        },
        ChangedByFormat = "Last corrected by {0} at {1}.",
        AddDayTitle = "Add a holiday or a swapped working day",
        RemoveDayTitle = "Remove a day",
        DayLabel = "Day",
        KindLabel = "Kind of day",
        KindInvalid = "Choose a holiday or a swapped working day.",
        AddDay = "Add",
        RemoveDay = "Remove this day",
        NoDays = "None.",
        HolidaysHeading = "Holidays",
        WorkingDaysHeading = "Swapped working days",
        OtherYearNote = "Days of another year set by this year's decision (such as 31/12 of the year before) cannot be changed here.",
    };
}
