using DossierTracker.Api.Http;
using DossierTracker.Api.Notifications.Subscriptions;
using DossierTracker.Calendar;
using DossierTracker.Ingestion;
using Microsoft.OpenApi;

namespace DossierTracker.Api.OpenApi;

/// <summary>Subscriptions to a unit's notifications by email (issue 19).</summary>
internal static class NotificationDocumentation
{
    public static async Task PostSubscription(OperationDoc doc)
    {
        AuditDocumentation.Reason(doc);
        doc.Body("Who hears what about which unit's subtree. At least one of `digest` and `lateAlerts` must be true.",
            await doc.SchemaOf<SubscriptionPayload>(schema => Schemas.Describe(schema, "A subscription to a unit's notifications.",
                ("email", $"The address emails go to, at most {SubscriptionRules.MaxEmailLength} characters."),
                ("unitCode", "The unit whose subtree (its units below and predecessors) is covered; within the key's scope."),
                ("digest", "A digest each working day at the configured time (default 07:30 Vietnam time): overdue now, due within 8 working hours, completed late since the previous working day. Nothing is sent when all three are empty."),
                ("lateAlerts", "An email as soon as the tracker marks a dossier late, naming its code in the subject."))),
            [new Example("both", "Digest and alerts for a department", OperationDoc.Wire(new SubscriptionPayload("lanhdao@stp.gov.vn", "000.00.31.H22", true, true)))]);
        var view = await View(doc);
        doc.Response(StatusCodes.Status201Created, "Subscribed.", OperationDoc.Json, view, [new Example("created", "A new subscription", OperationDoc.Wire(Sample()))]);
        doc.Response(StatusCodes.Status200OK, "The address already had a subscription to this unit; it now receives what was asked.", OperationDoc.Json, view);
        doc.ValidationProblem("One or more fields are not valid; see errors.", new() { ["email"] = ["email must be one email address, like ten@donvi.gov.vn."] });
        doc.Problems(ProblemCodes.UnknownUnit, ProblemCatalogue.Forbidden, ProblemCatalogue.MalformedJson, ProblemCatalogue.PayloadTooLarge, ProblemCatalogue.UnsupportedMediaType);
    }

    public static async Task GetSubscriptions(OperationDoc doc)
    {
        doc.Query("page", Schemas.Integer("Page number, from 1.", 1, ListPaging.MaxPage, 1), "Page (1-based).");
        doc.Query("pageSize", Schemas.Integer("Items per page.", 1, ListPaging.MaxPageSize, ListPaging.DefaultPageSize), "Page size.");
        doc.Response(StatusCodes.Status200OK, "The subscriptions to units within the key's scope, oldest first.", OperationDoc.Json,
            await doc.SchemaOf<SubscriptionPage>(schema => Schemas.Describe(schema, "One page of subscriptions.", ("total", "Subscriptions on all pages."))),
            [new Example("page", "One subscription", OperationDoc.Wire(new SubscriptionPage(1, 1, ListPaging.DefaultPageSize, [Sample()])))]);
        doc.ValidationProblem("One or more query parameters are not valid; see errors.", new() { ["pageSize"] = ["pageSize must be an integer from 1 to 500."] });
    }

    public static async Task DeleteSubscription(OperationDoc doc)
    {
        doc.Parameter("id", ParameterLocation.Path, Schemas.Code("The subscription's id (a UUID)."), "The subscription to end.");
        AuditDocumentation.Reason(doc);
        doc.Response(StatusCodes.Status200OK, "Ended; the subscription as it was. Emails already queued still go out.", OperationDoc.Json, await View(doc));
        doc.ValidationProblem("One or more query parameters are not valid; see errors.", new() { ["reason"] = ["reason must be at most 1000 characters, without control characters."] });
        doc.Problems(ProblemCatalogue.NotFound, ProblemCatalogue.Forbidden);
    }

    private static Task<IOpenApiSchema> View(OperationDoc doc) => doc.SchemaOf<SubscriptionView>(schema => Schemas.Describe(schema, "A subscription.",
        ("id", "Its id, for DELETE."),
        ("unitName", "The unit's name."),
        ("accountId", "The dashboard account that subscribed itself; null when an admin registered the address.")));

    private static SubscriptionView Sample() => new(Guid.Parse("0193a4c2-7b1e-7c3d-9f00-5a1b2c3d4e5f"), "lanhdao@stp.gov.vn", "000.00.31.H22",
        "Sở Tư pháp", true, true, null, VietnamTime.At(new DateOnly(2026, 3, 10), new TimeOnly(9, 30)));
}
