using System.Security.Claims;
using DossierTracker.Api.Http;
using DossierTracker.Api.ReferenceData;
using Microsoft.AspNetCore.Authorization;
using DossierTracker.Api.Security;
using Npgsql;
using NpgsqlTypes;
using Wolverine.Http;

namespace DossierTracker.Api.Notifications.Webhooks;

public static class GetWebhookDeliveries
{
    /// <summary>
    /// A webhook's deliveries, newest first, with their status (<c>pending</c>, <c>delivered</c>, <c>parked</c>,
    /// <c>cancelled</c>), attempts and the last error: where an admin sees what a receiver missed. <c>status</c> filters.
    /// </summary>
    [WolverineGet("/api/webhooks/{id}/deliveries", Name = "GetWebhookDeliveries"), Authorize(Policy = Policies.Administer), Tags("Webhooks")]
    [EndpointSummary("List a webhook's deliveries")]
    [EndpointDescription("A webhook's deliveries, newest first, with status, attempts and the last error; parked deliveries are those given up after the retry period.")]
    public static async Task<IResult> Get(string id, string? status, string? page, string? pageSize, NpgsqlDataSource dataSource,
        WebhookRegistry registry, ReferenceDataCache referenceData, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var query = new QueryParameters();
        var paging = ListPaging.Parse(query, page, pageSize);
        query.Check(status is null || Statuses.Contains(status, StringComparer.Ordinal), "status", $"status must be one of {string.Join(", ", Statuses)}.");
        if (query.HasErrors) return query.Problem;
        var (webhook, problem) = await GetWebhooks.FindInScopeAsync(id, registry, referenceData, user, cancellationToken);
        if (problem is not null) return problem;

        await using var batch = dataSource.CreateBatch();
        const string from = $"from {WebhookTables.Deliveries} where webhook_id = $1 and ($2::text is null or status = $2)";
        var count = new NpgsqlBatchCommand($"select count(*) {from}");
        var rows = new NpgsqlBatchCommand(
            $"""
            select id, notice_id, kind, dossier_code, status, attempts, last_error, created_at, last_attempt_at, delivered_at {from}
            order by created_at desc, id desc limit $3 offset $4
            """);
        foreach (var command in new[] { count, rows })
        {
            command.Parameters.Add(new NpgsqlParameter { Value = webhook!.Id, NpgsqlDbType = NpgsqlDbType.Uuid });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)status ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        }
        rows.Parameters.Add(new NpgsqlParameter { Value = paging.PageSize, NpgsqlDbType = NpgsqlDbType.Integer });
        rows.Parameters.Add(new NpgsqlParameter { Value = paging.Offset, NpgsqlDbType = NpgsqlDbType.Bigint });
        batch.BatchCommands.Add(count);
        batch.BatchCommands.Add(rows);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var total = (int)reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        var items = new List<WebhookDelivery>();
        while (await reader.ReadAsync(cancellationToken))
            items.Add(new WebhookDelivery(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetInt32(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetFieldValue<DateTimeOffset>(7),
                reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8), reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9)));
        return Results.Json(new WebhookDeliveryPage(total, paging.Page, paging.PageSize, items), ApiJson.Options);
    }

    public static readonly IReadOnlyList<string> Statuses =
        [WebhookDeliveryStatus.Pending, WebhookDeliveryStatus.Delivered, WebhookDeliveryStatus.Parked, WebhookDeliveryStatus.Cancelled];
}
