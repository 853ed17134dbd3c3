using System.Text.Json.Nodes;
using DossierTracker.Ingestion;

namespace DossierTracker.Api.OpenApi;

/// <summary>
/// One example per event type: the life of dossier <c>…-0001</c> from receipt to hand-over, and two more dossiers
/// (received like the first) that are withdrawn and stopped. Posted in this order they are all accepted; a test does so.
/// </summary>
internal static class EventExamples
{
    public const string Unit = "000.00.12.H22";
    public const string Procedure = "1.004227";
    public const string Dossier = Unit + "-220801-0001";

    public static readonly IReadOnlyList<Example> All =
    [
        Described("Received online; the sender gives the due time (leave dueAt out to have it computed)", EventTypes.Received,
            "hb-onestop-000123", Dossier, "2022-08-01T09:15:00+07:00", new JsonObject
            {
                ["unitCode"] = Unit,
                ["procedureCode"] = Procedure,
                ["channel"] = "online",
                ["dueAt"] = "2022-08-04T09:15:00+07:00",
            }),
        Described("Handed on to an officer for processing", EventTypes.Processing,
            "hb-onestop-000124", Dossier, "2022-08-01T10:30:00+07:00", new JsonObject
            {
                ["unitCode"] = Unit,
                ["handler"] = "nguyen.thi.lan",
                ["handlerName"] = "Nguyễn Thị Lan",
                ["note"] = "Chuyển công chức tư pháp - hộ tịch thẩm định.",
            }),
        Described("Clock stopped: the applicant must supplement the dossier", EventTypes.Paused,
            "hb-onestop-000125", Dossier, "2022-08-02T14:00:00+07:00", new JsonObject
            {
                ["reason"] = "supplement",
                ["note"] = "Đề nghị bổ sung bản sao Giấy chứng nhận kết hôn của cha, mẹ.",
            }),
        Described("Clock runs again with a new due time (leave dueAt out to move it by the time spent paused)", EventTypes.Resumed,
            "hb-onestop-000126", Dossier, "2022-08-04T08:30:00+07:00", new JsonObject
            {
                ["dueAt"] = "2022-08-05T16:00:00+07:00",
            }),
        Described("Past its due time; the one-stop unit issued an apology slip with a new appointment", EventTypes.Late,
            "hb-onestop-000127", Dossier, "2022-08-08T08:00:00+07:00", new JsonObject
            {
                ["apologyIssued"] = true,
                ["newAppointmentAt"] = "2022-08-10T16:00:00+07:00",
                ["reason"] = "Chờ kết quả xác minh thông tin hộ tịch tại nơi cư trú trước đây.",
            }),
        Described("Processing finished; the result is ready", EventTypes.Resolved,
            "hb-onestop-000128", Dossier, "2022-08-09T15:20:00+07:00", new JsonObject
            {
                ["outcome"] = "approved",
            }),
        Described("Result handed to the applicant", EventTypes.Returned,
            "hb-onestop-000129", Dossier, "2022-08-10T09:00:00+07:00", []),
        Described("The applicant withdrew another dossier", EventTypes.Withdrawn,
            "hb-onestop-000130", Unit + "-220801-0002", "2022-08-03T10:00:00+07:00", new JsonObject
            {
                ["reason"] = "Công dân có đơn xin rút hồ sơ.",
            }),
        Described("Processing of a third dossier stopped", EventTypes.Stopped,
            "hb-onestop-000131", Unit + "-220801-0003", "2022-08-05T11:00:00+07:00", new JsonObject
            {
                ["reason"] = "Hồ sơ không thuộc thẩm quyền giải quyết; đã hướng dẫn công dân nộp tại cơ quan có thẩm quyền.",
            }),
    ];

    /// <summary>A batch mixing types: a new dossier received, handed on and resolved in one request.</summary>
    public static JsonObject Batch() => new()
    {
        ["events"] = new JsonArray(
            Event(EventTypes.Received, "hb-onestop-000140", Unit + "-220802-0004", "2022-08-02T08:05:00+07:00", new JsonObject
            {
                ["unitCode"] = Unit,
                ["procedureCode"] = Procedure,
                ["channel"] = "direct",
            }),
            Event(EventTypes.Processing, "hb-onestop-000141", Unit + "-220802-0004", "2022-08-02T09:00:00+07:00", new JsonObject
            {
                ["handler"] = "tran.van.minh",
            }),
            Event(EventTypes.Resolved, "hb-onestop-000142", Unit + "-220802-0004", "2022-08-03T16:30:00+07:00", new JsonObject
            {
                ["outcome"] = "approved",
            })),
    };

    private static Example Described(string summary, string type, string eventId, string dossierCode, string occurredAt, JsonObject fields) =>
        new(type, summary, Event(type, eventId, dossierCode, occurredAt, fields));

    private static JsonObject Event(string type, string eventId, string dossierCode, string occurredAt, JsonObject fields)
    {
        var value = new JsonObject
        {
            ["eventId"] = eventId,
            ["type"] = type,
            ["dossierCode"] = dossierCode,
            ["occurredAt"] = occurredAt,
        };
        foreach (var (name, field) in fields) value[name] = field?.DeepClone();
        return value;
    }
}
