using System.Globalization;
using DossierTracker.Calendar;
using DossierTracker.Organisation;
using DossierTracker.Reporting;

namespace DossierTracker.Api.Exports;

/// <summary>The wording of form Biểu số 06/VPCP/KSTT: the official Vietnamese headings, or an English rendering.</summary>
internal sealed record Form06Text(
    string SheetName,
    string ExtrasSheetName,
    string FormLabel,
    string IssuedWith,
    string Title,
    string ExtrasTitle,
    string ReportingUnitFormat,
    string RecipientUnitFormat,
    string ProvinceRecipient,
    string PeriodFormat,
    string ComparedPeriodFormat,
    string ProvisionalFormat,
    string ComparedSheetSuffix,
    string UnitOfMeasure,
    string Ordinal,
    string UnitColumn,
    string FieldColumn,
    string ProcedureColumn,
    string NoField,
    string ReceivedGroup,
    string ResolvedGroup,
    string InProgressGroup,
    string WithdrawnOrStopped,
    string OnTimeRate,
    string OnTime766,
    string Indicator766,
    string Points766,
    string Total,
    string OfWhich,
    string Online,
    string DirectOrPostal,
    string CarriedOver,
    string Early,
    string OnTime,
    string Late,
    string WithinDue,
    string Overdue,
    string ProvinceSubtotal,
    string DepartmentSubtotal,
    string DistrictSubtotal,
    string CommuneSubtotal,
    string GrandTotal,
    string SignedOnFormat,
    string SignedOnBlank,
    string Preparer,
    string PreparerSigns,
    string Head,
    string HeadSigns)
{
    public static readonly Form06Text Vietnamese = new(
        SheetName: "Biểu 06",
        ExtrasSheetName: "Chỉ tiêu bổ sung",
        FormLabel: "Biểu số 06/VPCP/KSTT",
        IssuedWith: "Ban hành kèm theo Thông tư số 01/2020/TT-VPCP ngày 21/10/2020",
        Title: "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
        ExtrasTitle: "CHỈ TIÊU BỔ SUNG NGOÀI BIỂU SỐ 06/VPCP/KSTT",
        ReportingUnitFormat: "Đơn vị báo cáo: {0}",
        RecipientUnitFormat: "Đơn vị nhận báo cáo: {0}",
        ProvinceRecipient: "Văn phòng Ủy ban nhân dân tỉnh",
        PeriodFormat: "Kỳ báo cáo: từ ngày {0:dd/MM/yyyy} đến ngày {1:dd/MM/yyyy}",
        ComparedPeriodFormat: "Kỳ so sánh: từ ngày {0:dd/MM/yyyy} đến ngày {1:dd/MM/yyyy}",
        ProvisionalFormat: "Số liệu tạm tính đến {0:HH:mm dd/MM/yyyy}",
        ComparedSheetSuffix: " (kỳ so sánh)",
        UnitOfMeasure: "Đơn vị tính: Số hồ sơ TTHC",
        Ordinal: "STT",
        UnitColumn: "Đơn vị",
        FieldColumn: "Lĩnh vực, công việc giải quyết",
        ProcedureColumn: "Thủ tục hành chính",
        NoField: "Chưa xác định lĩnh vực",
        ReceivedGroup: "Số hồ sơ nhận giải quyết",
        ResolvedGroup: "Số hồ sơ đã giải quyết",
        InProgressGroup: "Số hồ sơ đang giải quyết",
        WithdrawnOrStopped: "Rút hồ sơ / dừng xử lý",
        OnTimeRate: "Tỷ lệ đúng hạn",
        OnTime766: "Số hồ sơ đúng hạn theo QĐ 766",
        Indicator766: "Chỉ số 2.1 – Tiến độ giải quyết (QĐ 766)",
        Points766: "Điểm tiến độ (tối đa 20)",
        Total: "Tổng số",
        OfWhich: "Trong đó",
        Online: "Trực tuyến",
        DirectOrPostal: "Trực tiếp, dịch vụ bưu chính",
        CarriedOver: "Từ kỳ trước",
        Early: "Trước hạn",
        OnTime: "Đúng hạn",
        Late: "Quá hạn",
        WithinDue: "Trong hạn",
        Overdue: "Quá hạn",
        ProvinceSubtotal: "Cộng cấp tỉnh",
        DepartmentSubtotal: "Cộng cấp sở, ban, ngành",
        DistrictSubtotal: "Cộng cấp huyện",
        CommuneSubtotal: "Cộng cấp xã",
        GrandTotal: "TỔNG CỘNG",
        SignedOnFormat: "…, ngày {0:dd} tháng {0:MM} năm {0:yyyy}",
        SignedOnBlank: "…, ngày … tháng … năm …",
        Preparer: "Người lập biểu",
        PreparerSigns: "(Ký, ghi rõ họ tên)",
        Head: "Thủ trưởng đơn vị",
        HeadSigns: "(Ký tên, đóng dấu)");

    // The form number stays as issued: it is how recipients file the report.
    public static readonly Form06Text English = new(
        SheetName: "Form 06",
        ExtrasSheetName: "Additional figures",
        FormLabel: "Form 06/VPCP/KSTT",
        IssuedWith: "Issued with Circular 01/2020/TT-VPCP of 21/10/2020",
        Title: "STATUS AND RESULTS OF SETTLING ADMINISTRATIVE PROCEDURES AT THE AGENCIES AND UNITS THAT SETTLE THEM DIRECTLY",
        ExtrasTitle: "ADDITIONAL FIGURES OUTSIDE FORM 06/VPCP/KSTT",
        ReportingUnitFormat: "Reporting unit: {0}",
        RecipientUnitFormat: "Receiving unit: {0}",
        ProvinceRecipient: "Office of the Provincial People's Committee",
        PeriodFormat: "Reporting period: from {0:dd/MM/yyyy} to {1:dd/MM/yyyy}",
        ComparedPeriodFormat: "Compared period: from {0:dd/MM/yyyy} to {1:dd/MM/yyyy}",
        ProvisionalFormat: "Provisional figures as of {0:HH:mm dd/MM/yyyy}",
        ComparedSheetSuffix: " (compared)",
        UnitOfMeasure: "Unit: administrative-procedure dossiers",
        Ordinal: "No.",
        UnitColumn: "Unit",
        FieldColumn: "Field, matters settled",
        ProcedureColumn: "Administrative procedure",
        NoField: "Field not set",
        ReceivedGroup: "Dossiers received for settlement",
        ResolvedGroup: "Dossiers settled",
        InProgressGroup: "Dossiers being settled",
        WithdrawnOrStopped: "Withdrawn / stopped",
        OnTimeRate: "On-time rate",
        OnTime766: "On time by Decision 766",
        Indicator766: "Indicator 2.1 – Processing progress (Decision 766)",
        Points766: "Progress points (max 20)",
        Total: "Total",
        OfWhich: "Of which",
        Online: "Online",
        DirectOrPostal: "Direct or postal",
        CarriedOver: "Carried over",
        Early: "Early",
        OnTime: "On time",
        Late: "Late",
        WithinDue: "Within due time",
        Overdue: "Overdue",
        ProvinceSubtotal: "Province level subtotal",
        DepartmentSubtotal: "Departments subtotal",
        DistrictSubtotal: "Districts subtotal",
        CommuneSubtotal: "Communes subtotal",
        GrandTotal: "GRAND TOTAL",
        SignedOnFormat: "…, {0:dd/MM/yyyy}",
        SignedOnBlank: "…, date …",
        Preparer: "Prepared by",
        PreparerSigns: "(Signature and full name)",
        Head: "Head of unit",
        HeadSigns: "(Signature and seal)");

    public static Form06Text For(string language) => language switch
    {
        "vi" => Vietnamese,
        "en" => English,
        _ => throw new ArgumentException($"No wording for language '{language}'; use 'vi' or 'en'.", nameof(language)),
    };

    public string ReportingUnit(string unitName) => string.Format(CultureInfo.InvariantCulture, ReportingUnitFormat, unitName);

    public string RecipientUnit(string unitName) => string.Format(CultureInfo.InvariantCulture, RecipientUnitFormat, unitName);

    /// <summary>"Kỳ báo cáo: từ ngày … đến ngày …" (or the compared period's line).</summary>
    public string Period(ReportPeriod period, bool compared = false) =>
        string.Format(CultureInfo.InvariantCulture, compared ? ComparedPeriodFormat : PeriodFormat, period.From, period.To);

    /// <summary>"Số liệu tạm tính đến hh:mm dd/mm/yyyy", in Vietnam's local time.</summary>
    public string Provisional(DateTimeOffset asOf) => string.Format(CultureInfo.InvariantCulture, ProvisionalFormat, VietnamTime.ToLocal(asOf));

    /// <summary>The period line of a sheet, with the provisional note after it while the period is still running.</summary>
    internal string PeriodLine(Form06SheetView view) =>
        Period(view.Period, view.IsComparison) + (view.AsOf is { } asOf ? " – " + Provisional(asOf) : "");

    internal string SheetNameOf(Form06SheetView view) => view.IsComparison ? SheetName + ComparedSheetSuffix : SheetName;

    internal string ExtrasSheetNameOf(Form06SheetView view) => view.IsComparison ? ExtrasSheetName + ComparedSheetSuffix : ExtrasSheetName;

    /// <summary>The heading of column (2), which names what the rows are.</summary>
    public string RowHeading(ReportRowsBy rowsBy) => rowsBy switch
    {
        ReportRowsBy.Field => FieldColumn,
        ReportRowsBy.Procedure => ProcedureColumn,
        _ => UnitColumn,
    };

    /// <summary>Column (2) of a row.</summary>
    public string LabelOf(Form06Row row) => row.Kind switch
    {
        ReportRowKind.Unit => row.UnitName ?? "",
        ReportRowKind.Subtotal => SubtotalOf(row.Level ?? throw new ArgumentException("A subtotal row names its level.", nameof(row))),
        ReportRowKind.Field => row.FieldCode is null ? NoField : row.FieldName ?? row.FieldCode,
        ReportRowKind.Procedure => row.ProcedureName ?? row.ProcedureCode ?? "",
        _ => GrandTotal,
    };

    /// <summary>The place and date line above the signatures; without a date, dots for the signer to fill in by hand.</summary>
    public string SignedOn(DateOnly? date) =>
        date is { } day ? string.Format(CultureInfo.InvariantCulture, SignedOnFormat, day) : SignedOnBlank;

    public string SubtotalOf(UnitLevel level) => level switch
    {
        UnitLevel.Province => ProvinceSubtotal,
        UnitLevel.Department => DepartmentSubtotal,
        UnitLevel.District => DistrictSubtotal,
        UnitLevel.Commune => CommuneSubtotal,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };
}
