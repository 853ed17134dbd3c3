using DossierTracker.Api.Calendars;
using DossierTracker.Api.Dossiers;
using DossierTracker.Api.LateDossiers;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Api.Reports;
using DossierTracker.Calendar;
using DossierTracker.Dossiers;
using DossierTracker.Organisation;
using DossierTracker.Reporting;

namespace DossierTracker.Api.OpenApi;

/// <summary>
/// Response examples, built with the API's own response records (and, for the report, its own arithmetic), so an
/// example cannot show a field name, enum spelling or timestamp format the API does not write. The dossier is the one
/// whose life the event examples tell (<see cref="EventExamples"/>).
/// </summary>
internal static class SampleData
{
    private static readonly TimeSpan Local = VietnamTime.Offset;
    private const string Province = "000.00.00.H22";
    private const string Justice = EventExamples.Unit;
    private const string Environment = "000.00.13.H22";
    private const string District = "000.00.31.H22";
    private const string Commune = "000.01.31.H22";
    private const string MergedCommune = "000.20.00.H22";

    public static readonly IReadOnlyList<Unit> Units =
    [
        new(Province, "Ủy ban nhân dân tỉnh", UnitLevel.Province, null, ReportRecipient: "Văn phòng Chính phủ (Cục Kiểm soát thủ tục hành chính)"),
        new(Justice, "Sở Tư pháp", UnitLevel.Department, Province),
        new(Environment, "Sở Tài nguyên và Môi trường", UnitLevel.Department, Province),
        new(District, "Huyện Lạc Sơn", UnitLevel.District, Province, ValidTo: new DateOnly(2025, 6, 30)),
        new(Commune, "Thị trấn Vụ Bản", UnitLevel.Commune, District, ValidTo: new DateOnly(2025, 6, 30)),
        new(MergedCommune, "Xã Lạc Sơn", UnitLevel.Commune, Province, ValidFrom: new DateOnly(2025, 7, 1)),
    ];

    public static IReadOnlyList<UnitPayload> UnitPayloads => UnitPayload.Ordered(Units);

    private static readonly ProcedureFieldPayload CivilStatus = new("G15-TP07", "Hộ tịch");

    public static readonly IReadOnlyList<ProcedurePayload> Procedures =
    [
        new(EventExamples.Procedure, "Đăng ký khai sinh", new ProcessingTimePayload(3, ProcessingTimeUnit.WorkingDays), CivilStatus),
        new("2.000815", "Chứng thực bản sao từ bản chính giấy tờ, văn bản", new ProcessingTimePayload(8, ProcessingTimeUnit.WorkingHours),
            new ProcedureFieldPayload("G15-TP03", "Chứng thực")),
        new("1.003010", "Đăng ký biến động quyền sử dụng đất do chuyển nhượng, tặng cho, thừa kế", new ProcessingTimePayload(15, ProcessingTimeUnit.CalendarDays),
            new ProcedureFieldPayload("G13-TN02", "Đất đai")),
    ];

    /// <summary>The official table shipped for 2026, as GET /api/calendar/2026 shows it.</summary>
    public static CalendarYearView Calendar2026 =>
        CalendarYearView.Of(OfficialHolidayTables.TryGet(2026, out var year) ? year : throw new InvalidOperationException("No 2026 table."), null, OfficeHours.Default);

    public static CalendarCorrectionPayload Correction2026 => new([.. Calendar2026.Holidays], [.. Calendar2026.WorkingDays]);

    public static CalendarYearView Corrected2026 => Calendar2026 with
    {
        Source = CalendarYearSource.Operator,
        ChangedBy = "Quản trị hệ thống tỉnh (k7f3c9a2e)",
        ChangedAt = At(2026, 1, 5, 8, 30),
    };

    /// <summary>Dossier …-0001 after all of its example events: paused once, late with an apology, resolved late, returned.</summary>
    public static DossierView Dossier() => new(
        EventExamples.Dossier, Justice, "Sở Tư pháp", EventExamples.Procedure, "Đăng ký khai sinh", CivilStatus.Code, CivilStatus.Name,
        Channel.Online, DossierStatus.Returned,
        ReceivedAt: At(2022, 8, 1, 9, 15), DueAt: At(2022, 8, 5, 16, 0), OriginalDueAt: At(2022, 8, 4, 9, 15),
        CompletedAt: At(2022, 8, 9, 15, 20), ClosedAt: At(2022, 8, 9, 15, 20), Result: CompletionResult.Late, OnTimeBy766: false,
        Overdue: false, OverdueWorkingHours: 15.33, Handler: "nguyen.thi.lan", HandlerName: "Nguyễn Thị Lan",
        Apology: new ApologyView(true, At(2022, 8, 10, 16, 0), "Chờ kết quả xác minh thông tin hộ tịch tại nơi cư trú trước đây.", At(2022, 8, 8, 8, 0)),
        Pauses: [new PauseView(At(2022, 8, 2, 14, 0), At(2022, 8, 4, 8, 30), PauseReason.Supplement, 12.5)],
        Version: 7,
        Timeline:
        [
            Entry("hb-onestop-000123", "received", At(2022, 8, 1, 9, 15),
                ("unitCode", Justice), ("procedureCode", EventExamples.Procedure), ("channel", Channel.Online), ("dueAt", At(2022, 8, 4, 9, 15))),
            Entry("hb-onestop-000124", "processing", At(2022, 8, 1, 10, 30),
                ("unitCode", Justice), ("handler", "nguyen.thi.lan"), ("handlerName", "Nguyễn Thị Lan"), ("note", "Chuyển công chức tư pháp - hộ tịch thẩm định.")),
            Entry("hb-onestop-000125", "paused", At(2022, 8, 2, 14, 0),
                ("reason", PauseReason.Supplement), ("note", "Đề nghị bổ sung bản sao Giấy chứng nhận kết hôn của cha, mẹ.")),
            Entry("hb-onestop-000126", "resumed", At(2022, 8, 4, 8, 30), ("dueAt", At(2022, 8, 5, 16, 0))),
            Entry("hb-onestop-000127", "late", At(2022, 8, 8, 8, 0),
                ("apologyIssued", true), ("newAppointmentAt", At(2022, 8, 10, 16, 0)), ("reason", "Chờ kết quả xác minh thông tin hộ tịch tại nơi cư trú trước đây.")),
            Entry("hb-onestop-000128", "resolved", At(2022, 8, 9, 15, 20), ("outcome", Outcome.Approved)),
            Entry("hb-onestop-000129", "returned", At(2022, 8, 10, 9, 0)),
        ]);

    public static DossierListPage LatePage() => new(2, 1, DossierListRequest.DefaultPageSize,
    [
        new DossierListItem("000.00.12.H22-220803-0017", Justice, "Sở Tư pháp", EventExamples.Procedure, "Đăng ký khai sinh",
            CivilStatus.Code, CivilStatus.Name, Channel.Direct,
            DossierStatus.Processing, At(2022, 8, 3, 14, 5), At(2022, 8, 8, 14, 5), null, 11.92, null, "tran.van.minh", "Trần Văn Minh", false, null),
        new DossierListItem("000.00.13.H22-220802-0004", Environment, "Sở Tài nguyên và Môi trường", "1.003010",
            "Đăng ký biến động quyền sử dụng đất do chuyển nhượng, tặng cho, thừa kế", "G13-TN02", "Đất đai", Channel.Online, DossierStatus.Received,
            At(2022, 7, 25, 10, 0), At(2022, 8, 9, 17, 0), null, 4.5, null, null, null, true, At(2022, 8, 12, 16, 0)),
    ]);

    public static DossierListPage DueSoonPage() => new(1, 1, DossierListRequest.DefaultPageSize,
    [
        new DossierListItem("000.00.12.H22-220809-0031", Justice, "Sở Tư pháp", "2.000815", "Chứng thực bản sao từ bản chính giấy tờ, văn bản",
            "G15-TP03", "Chứng thực", Channel.Online, DossierStatus.Processing, At(2022, 8, 9, 9, 40), At(2022, 8, 10, 9, 40), null, 0, 3.5, "le.thi.hoa", "Lê Thị Hoa", false, null),
    ]);

    /// <summary>August 2022 for the province, computed by the report's own arithmetic from a few units' counts.</summary>
    public static Form06Report Report() => new(ReportPeriod.Month(2022, 8), Province, Units[0].Name, ReportRowsBy.Unit,
        Form06Rows.ByUnit([.. Units.Where(u => u.IsValidOn(new DateOnly(2022, 8, 1)))], AugustCounts),
        Provisional: false, AsOf: null, ComparedWith: null);

    /// <summary>
    /// The official third quarter of 2022 (15/06–14/09) by field, compared with the quarter before, the procedures of
    /// <see cref="Procedures"/> given fields (certification has none).
    /// </summary>
    public static Form06Report ReportByField()
    {
        var period = ReportPeriod.Quarter(2022, 3, PeriodCutoff.Official);
        DossierTracker.Procedures.Procedure Procedure(string code, string? fieldCode, string? fieldName) =>
            new(code, Procedures.Single(p => p.Code == code).Name!, new ProcessingTime(1, ProcessingTimeUnit.WorkingDays),
                fieldCode is null ? null : new DossierTracker.Procedures.ProcedureField(fieldCode, fieldName!));
        var procedures = new[]
        {
            Procedure(EventExamples.Procedure, "G09-TP03", "Hộ tịch"),
            Procedure("1.003010", "G09-TN01", "Đất đai"),
            Procedure("2.000815", null, null),
        };
        var quarter = new Dictionary<string, UnitMonthCounts>
        {
            [EventExamples.Procedure] = new(310, 95, 12, 280, 101, 9, 395, 24, 1, 2),
            ["1.003010"] = new(84, 120, 57, 96, 73, 38, 160, 47, 6, 1),
            ["2.000815"] = new(455, 212, 3, 640, 25, 1, 668, 3, 0, 1),
        };
        var quarterBefore = new Dictionary<string, UnitMonthCounts>
        {
            [EventExamples.Procedure] = new(290, 102, 9, 270, 110, 7, 383, 13, 0, 1),
            ["1.003010"] = new(79, 111, 49, 90, 70, 30, 150, 41, 7, 1),
            ["2.000815"] = new(430, 205, 2, 610, 22, 2, 634, 2, 0, 1),
        };
        return new Form06Report(period, Province, Units[0].Name, ReportRowsBy.Field, Form06Rows.ByField(procedures, quarter, quarterBefore),
            Provisional: false, AsOf: null, ComparedWith: period.Previous());
    }

    private static readonly Dictionary<string, UnitMonthCounts> AugustCounts = new()
    {
        [Justice] = new(ReceivedOnline: 112, ReceivedDirect: 38, CarriedOver: 9, ResolvedEarly: 95, ResolvedOnTime: 31, ResolvedLate: 4,
            OnTime766: 126, InProgressOnTime: 25, InProgressOverdue: 2, WithdrawnOrStopped: 2),
        [Environment] = new(64, 21, 17, 40, 22, 9, 62, 27, 3, 1),
        [District] = new(80, 45, 6, 70, 41, 5, 111, 13, 1, 1),
        [Commune] = new(36, 20, 2, 33, 18, 0, 51, 7, 0, 0),
    };

    /// <summary>June to August 2022 for the province's subtree; August equals the report's total row.</summary>
    public static TrendResponse Trend()
    {
        var months = new (string Month, UnitMonthCounts Counts)[]
        {
            ("2022-06", new(240, 130, 41, 220, 98, 21, 316, 59, 9, 4)),
            ("2022-07", new(262, 118, 68, 280, 113, 16, 390, 27, 7, 5)),
            ("2022-08", UnitMonthCounts.Sum(AugustCounts.Values)),
        };
        return new TrendResponse(Province, months[0].Month, months[^1].Month, Provisional: false, AsOf: null,
            [.. months.Select(m => TrendMonthResponse.Of(new TrendPoint(ReportMonth.Parse(m.Month), ReportFigures.From(m.Counts))))]);
    }

    public static DateTimeOffset At(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, Local);

    private static TimelineEntry Entry(string eventId, string type, DateTimeOffset occurredAt, params (string Name, object? Value)[] fields) =>
        new(eventId, type, occurredAt, occurredAt.AddMinutes(2), EventSources.OneStop) { Fields = fields.ToDictionary(f => f.Name, f => f.Value) };
}
