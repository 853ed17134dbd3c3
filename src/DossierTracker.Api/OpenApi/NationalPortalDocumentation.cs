using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.Http;
using DossierTracker.Api.Ingesting;
using DossierTracker.Api.NationalPortal;
using DossierTracker.Calendar;
using DossierTracker.Ingestion;
using DossierTracker.NationalPortal;
using DossierTracker.Organisation;
using Microsoft.OpenApi;

namespace DossierTracker.Api.OpenApi;

/// <summary>
/// POST /api/dvcqg/DongBoHoSoMC and /api/dvcqg/CapNhatTienDoHoSoMC (NationalPortal/README.md). The endpoints parse
/// the portal's payloads themselves (<see cref="PortalEnvelope"/>, <see cref="PortalDossierParser"/>,
/// <see cref="ProgressUpdateParser"/>), so their bodies are written here with the parsers' rules. The request examples
/// are the sample payloads of the portal tests (tests/DossierTracker.Api.Tests/NationalPortal/Samples) without the
/// portal's fields the tracker ignores; the answers are computed from them by the endpoints' own parser, planner and
/// result builder.
/// </summary>
internal static class NationalPortalDocumentation
{
    private const string DossierSchema = "PortalDossierSnapshot";
    private const string SupplementSchema = "PortalSupplementRound";
    private const string StepSchema = "PortalProgressStep";

    private const string Counted = " Required for statuses 2 and 4–10 (1 and 3 are never counted and record nothing).";

    private const string BodyRules = "Values may be strings or numbers (`\"4\"` or `4`); an empty string or null means absent; " +
        "surrounding spaces are dropped; names match exactly, else ignoring case; other fields of the portal's format are ignored. " +
        "Each item is accepted or refused on its own and answered in `result`.";

    /// <summary>The decider's refusals a portal item can meet.</summary>
    private static readonly string[] ItemRefusals =
    [
        ProblemCodes.UnknownUnit, ProblemCodes.UnknownProcedure, ProblemCodes.OutOfScopeUnit, ProblemCodes.DossierClosed,
        ProblemCodes.DossierNotReceived, ProblemCodes.FutureEvent, ProblemCodes.DueBeforeReceived, ProblemCodes.OccurredBeforeReceived,
        ProblemCodes.EventIdConflict,
    ];

    /// <summary>A processing body's name that matches no unit's name, on a dossier code whose prefix is no unit's code.</summary>
    private const string NamedUnit = "UBND huyện Lạc Sơn";

    public static async Task PostDongBoHoSoMC(OperationDoc doc)
    {
        var round = doc.Component(SupplementSchema, Supplement);
        doc.Body($"The payload one-stop systems send to the National Public Service Portal: up to {PortalEnvelope.MaxItems} dossier " +
            $"snapshots, applied in array order. {BodyRules}",
            Envelope(PortalSync.DossierService, doc.Component(DossierSchema, () => Snapshot(round)), "The dossier snapshots, in array order."),
            [
                new Example("received", "A dossier received online (status 2)", Received()),
                new Example("supplement", "The land dossier paused for a supplement (status 5)", Land("5", "20240325140500", SupplementRequested())),
                new Example("supplement-received", "The land dossier's papers received with a new due time, processing again (status 4)",
                    Land("4", "20240403084500", SupplementReceived())),
                new Example("batch", "Returned, withdrawn, not counted (1 and 3) and resolved dossiers in one request", Batch()),
            ]);

        await AnswerResponse(doc,
        [
            new Example("batch", "The answer to the batch example: every new event created, statuses 1 and 3 not counted", DossierAnswer(Batch())),
            new Example("refused", "One dossier whose receiving unit cannot be found (refused whole) and one date in another format (invalid)",
                DossierAnswer(Mistakes(), s => s is ReceivedSubmission { UnitCode: NamedUnit } received
                    ? new Rejection(ProblemCodes.UnknownUnit, UnresolvedUnit(received))
                    : null)),
        ]);
        Problems(doc, PortalSync.DossierService);
    }

    public static async Task PostCapNhatTienDoHoSoMC(OperationDoc doc)
    {
        doc.Body($"Up to {PortalEnvelope.MaxItems} processing steps, each stored as a `processing` event. {BodyRules}",
            Envelope(PortalSync.ProgressService, doc.Component(StepSchema, Step), "The processing steps, in array order."),
            [new Example("steps", "Two officers' steps on a received dossier", Steps())]);

        await AnswerResponse(doc, [new Example("steps", "The answer to the steps example: one processing event each", StepAnswer(Steps()))]);
        Problems(doc, PortalSync.ProgressService);
    }

    private static OpenApiSchema Envelope(string service, IOpenApiSchema item, string description) => Schemas.Object(
        "The portal's envelope. Other top-level fields (the portal adapter adds `session`) are ignored.",
        [
            ("isUpdating", new OpenApiSchema
            {
                Description = "Optional, usually a boolean or the string `\"true\"` or `\"false\"`. Not read, so any value is accepted: " +
                    "comparing each snapshot with the dossier's state decides what is new, whatever the sender believes.",
            }),
            ("madonvi", Schemas.Text("Optional: the sending system's unit code, which the portal adapter adds. DongBoHoSoMC takes it as the " +
                "receiving unit of a dossier when nothing else names one (see DonViXuLy); a value that is not a string is ignored.", PortalFields.MaxCodeLength)),
            ("service", Schemas.Enum("The portal service: this endpoint's (any letter case).", [service])),
            ("data", Schemas.ArrayOf(item, description, PortalEnvelope.MaxItems)),
        ],
        "service", "data");

    private static OpenApiSchema Snapshot(IOpenApiSchema round) => Schemas.Object(
        "One dossier as the portal's DongBoHoSoMC describes it. Compared with the dossier's state, it appends only the lifecycle " +
        "events the tracker lacks, with ids derived from the snapshot, so the same snapshot sent again stores nothing.",
        [
            ("MaHoSo", DossierCode("The dossier code.")),
            ("TrangThaiHoSo", Numeric("The national status: 1 submitted online, not received; 2 received; 3 refused at reception; " +
                "4 processing; 5 supplement requested; 6 financial obligation; 7 withdrawn; 8 stopped; 9 resolved; 10 returned.", 1, 10)),
            ("MaTTHC", Code("The procedure code; must be in the catalogue." + Counted)),
            ("DonViXuLy", Text("The unit handling the dossier: its code, or (as real senders write it) the processing body's name. " +
                "A dossier the tracker does not know is received by the first of: DonViXuLy as a unit code; DonViXuLy as the name of " +
                "exactly one unit (NFC, any letter case, runs of white space as one space; of several units with the name, the one " +
                "valid on the receipt date); the unit prefix of MaHoSo (`{unit}-{yyMMdd}-{sequence}`) as a unit code; the envelope's " +
                "`madonvi` as a unit code. None: the item is refused as `unknown-unit`. The unit must be valid on the receipt date " +
                "and within the key's scope. Ignored for a dossier already received.", PortalFields.MaxTextLength)),
            ("KenhThucHien", new OpenApiSchema
            {
                Type = JsonSchemaType.String | JsonSchemaType.Integer,
                Description = "The channel: 1 direct, 2 online, 3 public postal service. Absent: direct (real senders leave it out); " +
                    "another value: direct, with a warning in the item's result.",
            }),
            ("NgayTiepNhan", Date("Receipt." + Counted)),
            ("NgayHenTra", Date("The due time (appointment); when absent the tracker computes it from the procedure's processing time.")),
            ("NgayKetThucXuLy", Date("Processing finished (for 7 and 8: when the dossier closed). Required for status 9.")),
            ("NgayTra", Date("The result handed to the applicant. Required for status 10.")),
            ("DanhSachHoSoBoSung", Schemas.ArrayOf(round, "The supplement rounds, in any order; null or an empty string: none.")),
        ],
        "MaHoSo", "TrangThaiHoSo");

    private static OpenApiSchema Supplement() => Schemas.Object(
        "A supplement round (hồ sơ bổ sung): requested, the clock stops; once the papers came in, it runs again. The k-th round " +
        "is the dossier's k-th supplement pause.",
        [
            ("NgayBoSung", Date("Supplement requested: a `paused` event (reason `supplement`).")),
            ("NgayTiepNhanBoSung", Date("Papers received: a `resumed` event; not before NgayBoSung. Empty while they have not come in.")),
            ("NgayHenTraTruoc", Date("The due time before this round; the first round's is the due time set at receipt.")),
            ("NgayHenTraMoi", Date("The due time from the papers' receipt on; when absent it moves later by the working time paused.")),
            ("NoiDungBoSung", Text("What was asked for; the pause's note.", PortalFields.MaxTextLength)),
        ],
        "NgayBoSung");

    private static OpenApiSchema Step() => Schemas.Object(
        "One processing step as the portal's CapNhatTienDoHoSoMC reports it: a `processing` event with id " +
        "`dvcqg:{MaHoSo}:progress:{ThoiDiemXuLy}:{8 hex digits of SHA-256(NguoiXuLy)}`, so the same step sent again stores nothing.",
        [
            ("MaHoSo", DossierCode("The dossier; it must have been received (else `dossier-not-received`).")),
            ("ThoiDiemXuLy", Date("When the step was taken: the event's occurredAt.")),
            ("NguoiXuLy", Text("The officer: the event's handler.", ProgressUpdateParser.MaxHandlerLength)),
            ("PhongBanXuLy", Text("The department inside the unit (not a unit of the tree); kept in the note.", ProgressUpdateParser.MaxHandlerLength)),
            ("NoiDungXuLy", Text("What was done; the start of the note.", PortalFields.MaxTextLength)),
            ("TrangThai", Numeric("The national status at this step (as TrangThaiHoSo); kept in the note only: status changes come from DongBoHoSoMC.", 1, 10)),
            ("NgayKetThucTheoQuyDinh", Date("When the step should end by the procedure's rules; kept in the note.")),
        ],
        "MaHoSo", "ThoiDiemXuLy");

    private static async Task AnswerResponse(OperationDoc doc, Example[] examples)
    {
        var problem = ProblemDocumentation.Schema(doc.Document);
        var answer = await doc.SchemaOf<PortalResponse>(schema =>
        {
            Schemas.Describe(schema, "The answer in the portal's style. Retrying the whole request is always safe.",
                ("error_code", $"`{PortalResponse.Success}`: every item accepted; `{PortalResponse.Failure}`: at least one was not (the DVCQG convention)."),
                ("message", "`Thành công`, or `{n}/{m} hồ sơ không được ghi nhận; xem result.` (`bước xử lý` for steps)."),
                ("result", "One result per item of `data`, in order."));
            Schemas.Property(schema, "error_code").Enum = [PortalResponse.Success, PortalResponse.Failure];

            var item = Schemas.ItemsOf(schema, "result");
            Schemas.Describe(item, "One item's fate.",
                ("index", "Position in `data`, from 0."),
                ("MaHoSo", "The item's dossier code; absent when it has none usable."),
                ("success", "Accepted: its new events are stored, or it had nothing new, or it is not counted (statuses 1 and 3)."),
                ("message", "What happened, in Vietnamese, for the one-stop operator."),
                ("events", "The events the item gave rise to, in order."),
                ("unitCode", "For a dossier to receive: the receiving unit found (absent when none was)."),
                ("unitFrom", $"Where unitCode came from: `{ReceivingUnits.FromCode}` (its code), `{ReceivingUnits.FromName}` (its name), " +
                    $"`{ReceivingUnits.FromDossierCode}` (the code's unit prefix) or `{ReceivingUnits.FromEnvelope}` (the envelope)."),
                ("warnings", "Optional fields the tracker set aside without refusing the item, by field (e.g. an unknown KenhThucHien, " +
                    "or a DonViXuLy it could not use); absent when there are none."));
            // Typed object in C# so that a validation problem keeps its errors; on the wire it is a problem.
            Schemas.Replace(item, "problem", new OpenApiSchema
            {
                AllOf = [problem],
                Description = "Only when `success` is false: why, with `status` the HTTP status POST /api/events would have answered — " +
                    $"`{ProblemCatalogue.Validation}` (with `errors` by portal field, e.g. `DanhSachHoSoBoSung[0].NgayBoSung`), " +
                    string.Join(", ", ItemRefusals.Select(code => $"`{code}`")) + ".",
            });

            var @event = Schemas.ItemsOf(item, "events");
            Schemas.Describe(@event, "A lifecycle event derived from the item.",
                ("eventId", "`dvcqg:{MaHoSo}:{step}:{yyyyMMddHHmmss}` (steps: `...:progress:...:{handler hash}`), the same on every retry."),
                ("type", "The event type, as in POST /api/events."),
                ("occurredAt", "When it happened, at +07:00."),
                ("status", "`created` (stored), `duplicate` (stored before), `rejected`, or `skipped` (not stored because another event " +
                    "of the dossier was rejected: a snapshot applies whole or not at all)."));
            Schemas.Property(@event, "status").Enum =
                [.. Enum.GetValues<IngestionStatus>().Select(s => (JsonNode)s.ToString().ToLowerInvariant()), "skipped"];
        });
        doc.Response(StatusCodes.Status200OK, "One result per item, in order; the request as a whole is always answered 200 once its " +
            "envelope is valid.", OperationDoc.Json, answer, examples);
    }

    private static void Problems(OperationDoc doc, string service)
    {
        doc.ValidationProblem("One or more fields are not valid; see errors.", new()
        {
            ["service"] = [$"service must be \"{service}\" on this endpoint."],
            ["data"] = [$"data holds at most {PortalEnvelope.MaxItems} items."],
        });
        doc.Problems(ProblemCatalogue.MalformedJson, ProblemCatalogue.PayloadTooLarge, ProblemCatalogue.UnsupportedMediaType, ProblemCatalogue.Overloaded);
    }

    private static OpenApiSchema Text(string description, int maxLength) =>
        Schemas.Text(description + $" At most {maxLength} characters.", maxLength);

    private static OpenApiSchema Code(string description, int? minLength = null) =>
        Schemas.Text(description + $" At most {PortalFields.MaxCodeLength} characters, no control characters.", PortalFields.MaxCodeLength, minLength);

    private static OpenApiSchema DossierCode(string description) => Schemas.DossierCode(description + " Required.");

    /// <summary>A numeric code, written as a string or a number (<c>"4"</c> or <c>4</c>).</summary>
    private static OpenApiSchema Numeric(string description, int minimum, int maximum) => new()
    {
        Type = JsonSchemaType.String | JsonSchemaType.Integer,
        Description = description,
        Enum = [.. Enumerable.Range(minimum, maximum - minimum + 1).SelectMany(v => new JsonNode[] { v.ToString(CultureInfo.InvariantCulture), v })],
    };

    private static OpenApiSchema Date(string description) => new()
    {
        Type = JsonSchemaType.String,
        Pattern = @"^(\d{14})?$",
        Description = $"{description} {PortalDates.Format} in Vietnam's local time (UTC+7, no offset written), e.g. 20240315091230, " +
            $"in {SupportedYears.Description}; empty: absent.",
    };

    /// <summary>
    /// What the tracker answers on a province that knows the example's units and procedures and none of its dossiers,
    /// computed by the endpoint's own parser, planner and result builder; <paramref name="refuse"/> plays the decider.
    /// </summary>
    private static JsonNode DossierAnswer(JsonObject request, Func<EventSubmission, Rejection?>? refuse = null) =>
        Answer(request, "hồ sơ", (index, item) =>
        {
            var (snapshot, errors) = PortalDossierParser.Parse(item);
            if (snapshot is null) return PortalResults.Invalid(index, new PortalFields(item).Code("MaHoSo"), errors);
            // The examples name their units by code.
            var unit = snapshot.Status.IsCounted() ? new ReceivingUnit(snapshot.ProcessingBody, ReceivingUnits.FromCode, null) : null;
            var plan = SnapshotPlanner.Plan(snapshot with { ReceivingUnitCode = unit?.Code }, null);
            var result = plan.Outcome == SnapshotOutcome.NewEvents
                ? Decided(index, snapshot.Code, plan.Submissions, refuse)
                : PortalResults.WithoutEvents(index, snapshot, plan.Outcome);
            return result.About(snapshot, result.Success ? unit : null);
        });

    private static JsonNode StepAnswer(JsonObject request) =>
        Answer(request, "bước xử lý", (index, item) =>
        {
            var submission = ProgressUpdateParser.Parse(item).Update!.ToSubmission();
            return Decided(index, submission.DossierCode, [submission], refuse: null);
        });

    private static JsonNode Answer(JsonObject request, string noun, Func<int, JsonElement, PortalItemResult> result) =>
        OperationDoc.Wire(PortalResults.Response(
            [.. request["data"]!.AsArray().Select((item, index) => result(index, JsonSerializer.SerializeToElement(item)))], noun));

    /// <summary>The refusal of a dossier whose receiving unit cannot be found, as the endpoint words it (no madonvi).</summary>
    private static string UnresolvedUnit(ReceivedSubmission received) =>
        new ReceivingUnits(OrganisationTree.Empty).Find(
            new PortalDossier(received.DossierCode, PortalStatus.Resolved, null, NamedUnit, received.Channel, received.OccurredAt, null, null, null, []), null).Note!;

    /// <summary>Every event created, unless <paramref name="refuse"/> refuses one: then the dossier is refused whole.</summary>
    private static PortalItemResult Decided(int index, string code, IReadOnlyList<EventSubmission> plan, Func<EventSubmission, Rejection?>? refuse) =>
        plan.Select(s => (Submission: s, Rejection: refuse?.Invoke(s))).FirstOrDefault(d => d.Rejection is not null) is ({ } refused, { } rejection)
            ? PortalResults.Refused(index, code, plan, IngestionResult.Rejected(refused, rejection))
            : PortalResults.Stored(index, code, plan, [.. plan.Select(s => IngestionResult.Created(s, 1))]);

    // The examples: the portal tests' samples (Hòa Bình demo province), without the fields the tracker ignores.

    private static JsonObject Request(string service, string isUpdating, params JsonObject[] items) => new()
    {
        ["isUpdating"] = isUpdating,
        ["service"] = service,
        ["data"] = new JsonArray(items),
    };

    private static JsonObject Received() => Request(PortalSync.DossierService, "false", new JsonObject
    {
        ["MaHoSo"] = "000.00.03.H33-240315-0001", ["TrangThaiHoSo"] = "2", ["MaTTHC"] = "2.000488", ["DonViXuLy"] = "000.00.03.H33",
        ["KenhThucHien"] = "2", ["NgayTiepNhan"] = "20240315091230", ["NgayHenTra"] = "20240329091230",
        ["NgayKetThucXuLy"] = "", ["NgayTra"] = "", ["DanhSachHoSoBoSung"] = new JsonArray(),
    });

    /// <summary>A land dossier whose applicant is asked for a supplement, then brings it.</summary>
    private static JsonObject Land(string status, string dueAt, JsonObject round) => Request(PortalSync.DossierService, "true", new JsonObject
    {
        ["MaHoSo"] = "000.00.31.H33-240311-0007", ["TrangThaiHoSo"] = status, ["MaTTHC"] = "1.003010", ["DonViXuLy"] = "000.00.31.H33",
        ["KenhThucHien"] = "1", ["NgayTiepNhan"] = "20240311140500", ["NgayHenTra"] = dueAt,
        ["NgayKetThucXuLy"] = "", ["NgayTra"] = "", ["DanhSachHoSoBoSung"] = new JsonArray(round),
    });

    private static JsonObject SupplementRequested() => new()
    {
        ["NoiDungBoSung"] = "Bổ sung hợp đồng chuyển nhượng quyền sử dụng đất đã công chứng",
        ["NgayBoSung"] = "20240314103000", ["NgayTiepNhanBoSung"] = "", ["NgayHenTraTruoc"] = "20240325140500", ["NgayHenTraMoi"] = "",
    };

    private static JsonObject SupplementReceived()
    {
        var round = SupplementRequested();
        round["NgayTiepNhanBoSung"] = "20240320084500";
        round["NgayHenTraMoi"] = "20240403084500";
        return round;
    }

    private static JsonObject Batch() => Request(PortalSync.DossierService, "true",
        BatchDossier("000.01.31.H33-240318-0003", "10", "1.004873", "000.01.31.H33", "2", "20240318082000", "20240321082000", "20240320153000", "20240321090000"),
        BatchDossier("000.00.03.H33-240319-0012", "7", "2.000488", "000.00.03.H33", "3", "20240319100000", "20240402100000", "20240320100000", ""),
        BatchDossier("000.00.03.H33-240320-0004", "1", "2.000488", "000.00.03.H33", "2", "", "", "", ""),
        BatchDossier("000.01.31.H33-240320-0009", "3", "1.004873", "000.01.31.H33", "1", "20240320140000", "", "", ""),
        BatchDossier("000.00.31.H33-240312-0002", "9", "2.000720", "000.00.31.H33", "1", "20240312090000", "20240315090000", "20240314161500", ""));

    /// <summary>
    /// Two dossiers of the batch's kind with a sender's mistakes: a body's name that is no unit's on a code whose prefix is
    /// no unit's either, a date in another format.
    /// </summary>
    private static JsonObject Mistakes() => Request(PortalSync.DossierService, "true",
        BatchDossier("000.00.99.H33-240312-0003", "9", "2.000720", NamedUnit, "1", "20240312090000", "20240315090000", "20240314161500", ""),
        BatchDossier("000.00.31.H33-240312-0004", "2", "2.000720", "000.00.31.H33", "1", "12/03/2024 09:30", "", "", ""));

    private static JsonObject BatchDossier(string code, string status, string procedure, string unit, string channel,
        string receivedAt, string dueAt, string finishedAt, string returnedAt) => new()
    {
        ["MaHoSo"] = code, ["TrangThaiHoSo"] = status, ["MaTTHC"] = procedure, ["DonViXuLy"] = unit, ["KenhThucHien"] = channel,
        ["NgayTiepNhan"] = receivedAt, ["NgayHenTra"] = dueAt, ["NgayKetThucXuLy"] = finishedAt, ["NgayTra"] = returnedAt,
    };

    private static JsonObject Steps() => Request(PortalSync.ProgressService, "true",
        Handled("Nguyễn Thị Hồng Nhung", "20240315143000", "Tiếp nhận từ Bộ phận Một cửa, thẩm định hồ sơ", "20240322170000"),
        Handled("Đinh Công Thành", "20240325091000", "Trình lãnh đạo Sở ký Phiếu lý lịch tư pháp", "20240327170000"));

    private static JsonObject Handled(string handler, string handledAt, string content, string stepDueAt) => new()
    {
        ["MaHoSo"] = "000.00.03.H33-240315-0001", ["NguoiXuLy"] = handler, ["ThoiDiemXuLy"] = handledAt,
        ["PhongBanXuLy"] = "Phòng Hành chính tư pháp", ["NoiDungXuLy"] = content, ["TrangThai"] = "4", ["NgayKetThucTheoQuyDinh"] = stepDueAt,
    };
}
