using DossierTracker.Api.Auditing;
using DossierTracker.Api.Calendars;
using DossierTracker.Api.Dossiers;
using DossierTracker.Api.Http;
using DossierTracker.Api.Ingesting;
using DossierTracker.Api.LateDossiers;
using DossierTracker.Api.NationalPortal;
using DossierTracker.Api.Notifications.Subscriptions;
using DossierTracker.Api.Notifications.Webhooks;
using DossierTracker.Api.Organisation;
using DossierTracker.Api.Procedures;
using DossierTracker.Api.Reports;
using DossierTracker.Api.Reports.Drilldown;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DossierTracker.Api.OpenApi;

/// <summary>
/// Fills in each endpoint's bodies, parameters and responses, found by the class that declares the endpoint. An
/// endpoint missing here keeps the framework's placeholder response, which the OpenAPI tests reject.
/// </summary>
internal sealed class EndpointDocumentation : IOpenApiOperationTransformer
{
    private static readonly Dictionary<Type, Func<OperationDoc, Task>> Describers = new()
    {
        [typeof(PostEvent)] = EventDocumentation.PostEvent,
        [typeof(PostBatch)] = EventDocumentation.PostBatch,
        [typeof(PostDongBoHoSoMC)] = NationalPortalDocumentation.PostDongBoHoSoMC,
        [typeof(PostCapNhatTienDoHoSoMC)] = NationalPortalDocumentation.PostCapNhatTienDoHoSoMC,
        [typeof(GetDossier)] = QueryDocumentation.GetDossier,
        [typeof(GetLateDossiers)] = QueryDocumentation.GetLateDossiers,
        [typeof(GetDueSoon)] = QueryDocumentation.GetDueSoon,
        [typeof(GetMonthlyReport)] = QueryDocumentation.GetMonthlyReport,
        [typeof(GetForm06Report)] = QueryDocumentation.GetForm06Report,
        [typeof(GetTrend)] = QueryDocumentation.GetTrend,
        [typeof(GetReportDossiers)] = DrilldownDocumentation.GetReportDossiers,
        [typeof(GetUnits)] = ReferenceDataDocumentation.GetUnits,
        [typeof(PutUnits)] = ReferenceDataDocumentation.PutUnits,
        [typeof(GetProcedures)] = ReferenceDataDocumentation.GetProcedures,
        [typeof(PutProcedures)] = ReferenceDataDocumentation.PutProcedures,
        [typeof(GetCalendar)] = ReferenceDataDocumentation.GetCalendar,
        [typeof(PutCalendar)] = ReferenceDataDocumentation.PutCalendar,
        [typeof(GetAudit)] = AuditDocumentation.GetAudit,
        [typeof(PostSubscription)] = NotificationDocumentation.PostSubscription,
        [typeof(GetSubscriptions)] = NotificationDocumentation.GetSubscriptions,
        [typeof(DeleteSubscription)] = NotificationDocumentation.DeleteSubscription,
        [typeof(PostWebhook)] = WebhookDocumentation.PostWebhook,
        [typeof(GetWebhooks)] = WebhookDocumentation.GetWebhooks,
        [typeof(DeleteWebhook)] = WebhookDocumentation.DeleteWebhook,
        [typeof(GetWebhookDeliveries)] = WebhookDocumentation.GetWebhookDeliveries,
    };

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor is not ControllerActionDescriptor { MethodInfo.DeclaringType: { } endpoint } action
            || !Describers.TryGetValue(endpoint, out var describe))
            return;

        // The endpoint's own name (PostEvent, GetDossier, ...) is a better operation id for generated clients than the route.
        operation.OperationId = action.DisplayName ?? operation.OperationId;
        operation.Responses = [];
        var doc = new OperationDoc(operation, context, cancellationToken);
        await describe(doc);
        doc.Problems(ProblemCatalogue.TooManyRequests, ProblemCatalogue.DatabaseUnavailable);
    }
}
