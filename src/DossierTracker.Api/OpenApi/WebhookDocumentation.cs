using DossierTracker.Api.Http;
using DossierTracker.Api.Notifications.Webhooks;
using DossierTracker.Calendar;
using DossierTracker.Ingestion;
using Microsoft.OpenApi;

namespace DossierTracker.Api.OpenApi;

/// <summary>Webhooks: registration, listing, removal and the deliveries of one webhook; the notice a receiver gets.</summary>
internal static class WebhookDocumentation
{
    private static readonly DateTimeOffset SampleAt = VietnamTime.At(new DateOnly(2026, 3, 10), new TimeOnly(9, 30));
    private static readonly Webhook SampleWebhook = new(Guid.CreateVersion7(SampleAt), "https://motcua.example.gov.vn/hooks/dossiertracker",
        "000.00.31.H22", WebhookKinds.All, SampleAt);

    /// <summary>What a receiver gets: said once, on the registration, where the secret is handed over.</summary>
    private const string Delivery =
        "The tracker then POSTs each notice as JSON `{ id, kind, dossierCode, unitCode, procedureCode, dueAt, at }` (`kind` `late` or " +
        "`due-soon`; `id` is the same for one notice at every attempt, so a receiver deduplicates on it; `at` is when the tracker noticed), " +
        $"with the headers `{WebhookSignature.TimestampHeader}` (Unix time in seconds) and `{WebhookSignature.SignatureHeader}: sha256=<hex>`, " +
        "the lowercase hex HMAC-SHA256 of `<timestamp>.<body>` keyed with the secret's UTF-8 bytes. A receiver recomputes it over the raw body, " +
        "compares in constant time, and refuses a timestamp more than 5 minutes from its own clock (replays). Any 2xx accepts the notice; " +
        "otherwise it is retried with exponential backoff (30 s, doubling, at most hourly) for a day, then parked. A dossier's notices " +
        "arrive in the order they were noticed (a `due-soon` before its `late`): a later one waits while an earlier one is retried.";

    public static async Task PostWebhook(OperationDoc doc)
    {
        AuditDocumentation.Reason(doc);
        doc.Body("The receiver's URL, the unit whose scope (subtree and predecessors) it hears about, and the kinds of notice wanted.",
            await doc.SchemaOf<WebhookRegistrationPayload>(schema =>
            {
                Schemas.Describe(schema, "A webhook registration.",
                    ("url", $"Absolute http or https URL without user information, at most {WebhookRegistrationPayload.MaxUrlLength} characters."),
                    ("unitCode", "The unit; in the caller's scope (else 403), known (else 422 `unknown-unit`)."),
                    ("events", "At least one of `late` (the tracker marked a dossier late) and `due-soon` (a dossier entered its last 8 working hours)."));
                Schemas.Require(schema, "url", "unitCode", "events");
            }),
            [new Example("both", "Late and due-soon notices for a district", OperationDoc.Wire(new { url = SampleWebhook.Url, unitCode = SampleWebhook.UnitCode, events = WebhookKinds.All }))]);
        doc.Response(StatusCodes.Status201Created, "Registered. The secret is shown this once: keep it to verify signatures. " + Delivery,
            OperationDoc.Json, await doc.SchemaOf<RegisteredWebhook>(schema => Schemas.Describe(schema, "The webhook and its signing secret.",
                ("secret", "The HMAC-SHA256 key (its UTF-8 bytes), shown only in this answer; stored encrypted."))),
            [new Example("registered", "A registered webhook", OperationDoc.Wire(new RegisteredWebhook(SampleWebhook.Id, SampleWebhook.Url,
                SampleWebhook.UnitCode, SampleWebhook.Events, SampleWebhook.CreatedAt, "whsec_" + new string('7', 64))))],
            new Dictionary<string, IOpenApiHeader> { ["Location"] = OperationDoc.Header("The webhook's path.", JsonSchemaType.String) });
        doc.ValidationProblem("One or more fields are not valid; see errors.", new() { ["events[0]"] = ["Unknown event kind; expected one of late, due-soon."] });
        doc.Problems(ProblemCodes.UnknownUnit, ProblemCatalogue.MalformedJson, ProblemCatalogue.PayloadTooLarge, ProblemCatalogue.UnsupportedMediaType);
    }

    public static async Task GetWebhooks(OperationDoc doc) =>
        doc.Response(StatusCodes.Status200OK, "The webhooks of units in the caller's scope, oldest first, without secrets.", OperationDoc.Json,
            await doc.SchemaOf<WebhookList>(), [new Example("list", "One webhook", OperationDoc.Wire(new WebhookList([SampleWebhook])))]);

    public static async Task DeleteWebhook(OperationDoc doc)
    {
        Id(doc);
        AuditDocumentation.Reason(doc);
        doc.Response(StatusCodes.Status200OK, "Removed: no notice is sent to it any more, its pending deliveries are cancelled. The webhook as it was.",
            OperationDoc.Json, await doc.SchemaOf<Webhook>(), [new Example("removed", "The removed webhook", OperationDoc.Wire(SampleWebhook))]);
        doc.ValidationProblem("The reason is not valid; see errors.", new() { ["reason"] = ["reason must be at most 1000 characters, without control characters."] });
        doc.Problems(ProblemCatalogue.WebhookNotFound);
    }

    public static async Task GetWebhookDeliveries(OperationDoc doc)
    {
        Id(doc);
        doc.Query("status", Schemas.Enum("A delivery's status.", Notifications.Webhooks.GetWebhookDeliveries.Statuses), "Only deliveries with this status.");
        doc.Query("page", Schemas.Integer("Page number, from 1.", 1, ListPaging.MaxPage, 1), "Page (1-based).");
        doc.Query("pageSize", Schemas.Integer("Items per page.", 1, ListPaging.MaxPageSize, ListPaging.DefaultPageSize), "Page size.");
        doc.Response(StatusCodes.Status200OK, "The webhook's deliveries, newest first.", OperationDoc.Json,
            await doc.SchemaOf<WebhookDeliveryPage>(schema => Schemas.Describe(Schemas.ItemsOf(schema, "items"), "One notice's delivery to this webhook.",
                ("noticeId", "The notice's `id`, as in the body the receiver gets."),
                ("status", "`pending` (not yet attempted, waiting for an earlier notice of the dossier, or between retries), `delivered`, " +
                    "`parked` (given up after the retry period) or `cancelled` (the webhook was removed)."),
                ("attempts", "POSTs made so far."),
                ("lastError", "Why the last failed attempt failed (the receiver's status, or the connection error)."))),
            [new Example("page", "A parked delivery", OperationDoc.Wire(new WebhookDeliveryPage(1, 1, ListPaging.DefaultPageSize,
                [new WebhookDelivery(Guid.CreateVersion7(SampleAt), WebhookNotice.IdOf(WebhookKinds.Late, "000.00.31.H22-260302-0007", SampleAt),
                    WebhookKinds.Late, "000.00.31.H22-260302-0007", WebhookDeliveryStatus.Parked, 30, "HTTP 503 Service Unavailable",
                    SampleAt, SampleAt.AddDays(1), null)])))]);
        doc.ValidationProblem("One or more query parameters are not valid; see errors.", new() { ["status"] = ["status must be one of pending, delivered, parked, cancelled."] });
        doc.Problems(ProblemCatalogue.WebhookNotFound);
    }

    private static void Id(OperationDoc doc) =>
        doc.Parameter("id", ParameterLocation.Path, new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid", Description = "The webhook's id." },
            "The webhook's id; unknown, removed or outside the caller's scope: 404 `webhook-not-found`.");
}
