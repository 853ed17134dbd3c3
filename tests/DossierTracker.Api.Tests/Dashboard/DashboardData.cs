using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.Dashboard;

/// <summary>
/// What the browser tests look at: the generated months of 2022 in the test province, plus three dossiers written
/// for the pages — one resolved late after a pause and an apology, one open and overdue, one about to fall due.
/// Business time is <see cref="Now"/>, after all of it.
/// </summary>
public static class DashboardData
{
    /// <summary>Tuesday 15 November 2022, 10:00 in Hà Nội.</summary>
    public static readonly DateTimeOffset Now = new(2022, 11, 15, 10, 0, 0, TimeSpan.FromHours(7));

    /// <summary>A month the generated traffic fills.</summary>
    public const string BusyMonth = "2022-08";

    public const string LateAfterPause = "000.00.01.H99-221003-0001";
    public const string OpenOverdue = "000.00.11.H99-221101-0001";
    public const string DueSoon = "000.11.01.H99-221114-0001";

    /// <summary>A commune that merged into <see cref="TestProvince.CommuneB1"/> on 1 January 2022 (no dossiers).</summary>
    public const string CeasedCommune = "000.12.02.H99";

    public static readonly object[] CeasedUnits =
    [
        new { code = CeasedCommune, name = "Xã Tiền Phong", level = "commune", parentCode = TestProvince.DistrictB, validTo = "2021-12-31", successorCode = TestProvince.CommuneB1 },
    ];

    public static IEnumerable<Dictionary<string, object?>> Events() =>
        GeneratedTraffic.Interleaved(GeneratedTraffic.Dossiers(240, seed: 61), seed: 61).Concat(Written());

    private static IEnumerable<Dictionary<string, object?>> Written() =>
    [
        // Received Monday; paused for a supplement Tuesday to Friday (22 working hours), so due moves from Thursday
        // 09:00 to the next Monday 17:00; an apology promises Friday; resolved on Thursday: late.
        Event(LateAfterPause, "received", "2022-10-03T09:00:00+07:00", ("unitCode", TestProvince.Justice),
            ("procedureCode", TestProvince.BirthRegistration), ("channel", "direct"), ("dueAt", "2022-10-06T09:00:00+07:00")),
        Event(LateAfterPause, "processing", "2022-10-03T14:00:00+07:00", ("handler", "can-bo-07")),
        Event(LateAfterPause, "paused", "2022-10-04T10:00:00+07:00", ("reason", "supplement")),
        Event(LateAfterPause, "resumed", "2022-10-07T08:00:00+07:00"),
        Event(LateAfterPause, "late", "2022-10-10T16:00:00+07:00", ("apologyIssued", true),
            ("newAppointmentAt", "2022-10-14T17:00:00+07:00"), ("reason", "Chờ ý kiến của cơ quan liên quan")),
        Event(LateAfterPause, "resolved", "2022-10-13T15:00:00+07:00", ("outcome", "approved")),
        Event(LateAfterPause, "returned", "2022-10-14T09:00:00+07:00"),

        Event(OpenOverdue, "received", "2022-11-01T08:00:00+07:00", ("unitCode", TestProvince.DistrictA),
            ("procedureCode", TestProvince.LandTransfer), ("channel", "direct"), ("dueAt", "2022-11-04T17:00:00+07:00")),
        Event(OpenOverdue, "processing", "2022-11-02T09:30:00+07:00", ("handler", "can-bo-03"), ("handlerName", "Phạm Văn Cường")),

        Event(DueSoon, "received", "2022-11-14T09:00:00+07:00", ("unitCode", TestProvince.CommuneA1),
            ("procedureCode", TestProvince.Certification), ("channel", "online"), ("dueAt", "2022-11-15T14:00:00+07:00")),
    ];

    private static Dictionary<string, object?> Event(string code, string type, string at, params (string Name, object? Value)[] fields)
    {
        var e = new Dictionary<string, object?> { ["eventId"] = $"{code}-{type}", ["type"] = type, ["dossierCode"] = code, ["occurredAt"] = at };
        foreach (var (name, value) in fields) e[name] = value;
        return e;
    }
}
