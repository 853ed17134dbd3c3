using System.Globalization;
using DossierTracker.Organisation;
using DossierTracker.Reporting;

namespace DossierTracker.Api.Exports;

/// <summary>The wording of form Biểu số 06/VPCP/KSTT: the official Vietnamese headings, or an English rendering.</summary>
internal sealed record Form06Text(
    string SheetName,
    string FormLabel,
    string Title,
    string ReportingUnitFormat,
    string PeriodFormat,
    string UnitOfMeasure,
    string Ordinal,
    string UnitOrField,
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
    string GrandTotal)
{
    public static readonly Form06Text Vietnamese = new(
        SheetName: "Biểu 06",
        FormLabel: "Biểu số 06/VPCP/KSTT",
        Title: "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
        ReportingUnitFormat: "Đơn vị báo cáo: {0}",
        PeriodFormat: "Kỳ báo cáo: tháng {0:MM/yyyy} (từ ngày {0:dd/MM/yyyy} đến ngày {1:dd/MM/yyyy})",
        UnitOfMeasure: "Đơn vị tính: Số hồ sơ TTHC",
        Ordinal: "STT",
        UnitOrField: "Đơn vị / Lĩnh vực",
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
        GrandTotal: "TỔNG CỘNG");

    // The form number stays as issued: it is how recipients file the report.
    public static readonly Form06Text English = new(
        SheetName: "Form 06",
        FormLabel: "Form 06/VPCP/KSTT",
        Title: "STATUS AND RESULTS OF SETTLING ADMINISTRATIVE PROCEDURES AT THE AGENCIES AND UNITS THAT SETTLE THEM DIRECTLY",
        ReportingUnitFormat: "Reporting unit: {0}",
        PeriodFormat: "Reporting period: {0:MM/yyyy} (from {0:dd/MM/yyyy} to {1:dd/MM/yyyy})",
        UnitOfMeasure: "Unit: administrative-procedure dossiers",
        Ordinal: "No.",
        UnitOrField: "Unit / Field",
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
        GrandTotal: "GRAND TOTAL");

    public static Form06Text For(string language) => language switch
    {
        "vi" => Vietnamese,
        "en" => English,
        _ => throw new ArgumentException($"No wording for language '{language}'; use 'vi' or 'en'.", nameof(language)),
    };

    public string ReportingUnit(string unitName) => string.Format(CultureInfo.InvariantCulture, ReportingUnitFormat, unitName);

    public string Period(ReportMonth month) => string.Format(CultureInfo.InvariantCulture, PeriodFormat, month.FirstDay, month.LastDay);

    public string SubtotalOf(UnitLevel level) => level switch
    {
        UnitLevel.Province => ProvinceSubtotal,
        UnitLevel.Department => DepartmentSubtotal,
        UnitLevel.District => DistrictSubtotal,
        UnitLevel.Commune => CommuneSubtotal,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };
}
