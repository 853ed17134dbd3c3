using DossierTracker.Ingestion;

namespace DossierTracker.Api.Http;

/// <summary>
/// Every problem type the API answers with: its stable code (the last segment of the type URI), status and title.
/// One table, so documentation, tests and responses cannot disagree.
/// </summary>
public static class ProblemCatalogue
{
    public const string TypeBase = "https://dossiertracker.dev/problems/";

    public const string Validation = "validation";
    public const string MalformedJson = "malformed-json";
    public const string UnsupportedMediaType = "unsupported-media-type";
    public const string PayloadTooLarge = "payload-too-large";
    public const string NotFound = "not-found";
    public const string MethodNotAllowed = "method-not-allowed";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string DossierNotFound = "dossier-not-found";
    public const string FieldNameConflict = "field-name-conflict";
    public const string TooManyRequests = "too-many-requests";
    public const string DatabaseUnavailable = "database-unavailable";
    public const string Overloaded = "overloaded";
    public const string ConcurrencyConflict = "concurrency-conflict";
    public const string DateOutOfRange = ProblemCodes.DateOutOfRange;
    public const string InvalidSuccessor = "invalid-successor";
    public const string PeriodInFuture = "period-in-future";
    public const string Internal = "internal-error";
    public const string ShuttingDown = "shutting-down";
    // Webhooks for one-stop systems.
    public const string WebhookNotFound = "webhook-not-found";

    public sealed record Entry(string Code, int Status, string Title);

    public static readonly IReadOnlyDictionary<string, Entry> Entries = new[]
    {
        new Entry(Validation, 400, "The request is not valid."),
        new Entry(MalformedJson, 400, "The request body is not valid JSON."),
        new Entry(UnsupportedMediaType, 415, "The request body must be JSON."),
        new Entry(PayloadTooLarge, 413, "The request body is too large."),
        new Entry(NotFound, 404, "Not found."),
        new Entry(MethodNotAllowed, 405, "Method not allowed."),
        new Entry(Unauthorized, 401, "An API key is required."),
        new Entry(Forbidden, 403, "This key may not do that."),
        new Entry(DossierNotFound, 404, "Dossier not found."),
        new Entry(FieldNameConflict, 422, "A field code would have two names."),
        new Entry(TooManyRequests, 429, "Too many requests."),
        new Entry(DatabaseUnavailable, 503, "The database is unavailable."),
        new Entry(Overloaded, 503, "The service is receiving more than it can store; retry shortly."),
        new Entry(ConcurrencyConflict, 409, "The resource changed while the request ran; retry it."),
        new Entry(DateOutOfRange, 422, "The date lies outside the years the working calendar covers."),
        new Entry(InvalidSuccessor, 422, "A unit's successor is unknown or not valid the day after the unit ends."),
        new Entry(PeriodInFuture, 422, "The report period has not begun."),
        new Entry(Internal, 500, "An unexpected error occurred."),
        new Entry(ShuttingDown, 503, "This node is shutting down."),
        // Webhooks for one-stop systems.
        new Entry(WebhookNotFound, 404, "Webhook not found."),
        new Entry(ProblemCodes.EventIdConflict, 409, "An event with this eventId exists with different content."),
        new Entry(ProblemCodes.DossierNotReceived, 409, "The dossier has not been received."),
        new Entry(ProblemCodes.DossierExists, 409, "The dossier was already received."),
        new Entry(ProblemCodes.DossierClosed, 409, "The dossier is closed."),
        new Entry(ProblemCodes.UnknownUnit, 422, "Unknown unit."),
        new Entry(ProblemCodes.UnknownProcedure, 422, "Unknown procedure."),
        new Entry(ProblemCodes.DueBeforeReceived, 422, "The due time is before the receipt."),
        new Entry(ProblemCodes.FutureEvent, 422, "The event lies in the future."),
        new Entry(ProblemCodes.OccurredBeforeReceived, 422, "The event happened before the dossier was received."),
        new Entry(ProblemCodes.OutOfScopeUnit, 403, "The unit is outside this key's scope."),
    }.ToDictionary(e => e.Code);

    public static Entry Get(string code) =>
        Entries.TryGetValue(code, out var entry) ? entry : throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown problem code.");

    public static string TypeUri(string code) => TypeBase + code;

    public static string? CodeForStatus(int status) => status switch
    {
        400 => Validation,
        401 => Unauthorized,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        413 => PayloadTooLarge,
        415 => UnsupportedMediaType,
        429 => TooManyRequests,
        503 => DatabaseUnavailable,
        500 => Internal,
        _ => null,
    };
}
