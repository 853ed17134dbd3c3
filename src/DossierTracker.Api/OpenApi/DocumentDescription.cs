using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DossierTracker.Api.OpenApi;

/// <summary>The document as a whole: what the API is, its conventions, its feature tags, in reading order.</summary>
internal sealed class DocumentDescription : IOpenApiDocumentTransformer
{
    private static readonly Dictionary<string, string> Tags = new()
    {
        ["Ingesting"] = "One-stop systems post dossier lifecycle events (role `ingest`). Idempotent by `eventId`.",
        ["Dossiers"] = "One dossier with its due times, result and timeline (role `supervisor`).",
        ["Lists"] = "Late and due-soon dossiers of a unit's subtree, as JSON or CSV (role `supervisor`).",
        ["Reports"] = "Form Biểu số 06/VPCP/KSTT and the Decision 766 indicator, by month (role `supervisor`).",
        ["Reference data"] = "The organisation tree, the procedure catalogue and the working calendar (read: any key; write: `admin`).",
        ["Audit"] = "Who changed reference data and keys, when, what before and after, and why; dashboard sign-ins (role `admin`, scoped).",
        [OperationsDocumentation.Tag] = "Health probes (no key needed) and metrics (an admin key) for orchestrators and monitoring.",
    };

    private const string Conventions =
        """
        DossierTracker follows administrative-procedure dossiers (hồ sơ thủ tục hành chính) of a province from receipt to
        result: one-stop systems post lifecycle events, supervisors read late lists and the monthly form 06 report.

        **Conventions**
        - JSON bodies, camelCase names, UTF-8; Vietnamese text round-trips unchanged. Enum values are kebab-case
          (`working-days`, `on-time`), except the list sort keys `dueAt` and `receivedAt`.
        - Every timestamp is ISO 8601 **with an offset** (`2022-08-01T09:15:00+07:00` or `...Z`); one without an offset is
          a 400. Timestamps are stored as instants and shown back at `+07:00`. Calendar rules (working days, months,
          "late by date") use local time in Asia/Ho_Chi_Minh. Months are `YYYY-MM`, dates `YYYY-MM-DD`.
        - Every error is RFC 9457 problem details (`application/problem+json`) with `type`, `title`, `status`, `detail`,
          and for validation an `errors` object of field → messages. `type` is a stable URI ending in the problem code,
          e.g. `https://dossiertracker.dev/problems/dossier-not-received`.
        - Authentication: `Authorization: Bearer <api-key>` or `X-Api-Key: <api-key>`. No key or an unknown key: 401.
          Keys have a role — `ingest` posts events, `supervisor` reads dossiers, lists and reports, `admin` may do
          everything; any key may read reference data — and a scope unit: the key acts on that unit and every unit
          below it. Out of role or scope: 403. A `unit` query parameter outside the scope is a 403; an unknown one a 422
          `unknown-unit`. A dossier outside the scope does not exist (404).
        - Requests are rate-limited per verified key, and failed keys per client address (429 with `Retry-After`); a
          database outage is a 503 with `Retry-After`. API answers are `Cache-Control: no-store`.
        """;

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo { Title = "DossierTracker API", Version = "1", Description = Conventions };
        var tagNames = Tags.Keys.Concat(document.Tags?.Select(t => t.Name ?? "") ?? []).Distinct();
        document.Tags = new HashSet<OpenApiTag>(tagNames.Select(name => new OpenApiTag { Name = name, Description = Tags.GetValueOrDefault(name) }));
        OperationsDocumentation.AddTo(document);
        // Endpoints that return IResult leave a placeholder schema behind; every operation now names its real one.
        document.Components?.Schemas?.Remove("IResult");
        InReadingOrder(document);
        return Task.CompletedTask;
    }

    /// <summary>Paths by feature (the tag order above) then path, and responses by status, for readers of the raw document.</summary>
    private static void InReadingOrder(OpenApiDocument document)
    {
        var tags = Tags.Keys.ToList();
        IEnumerable<OpenApiOperation> Operations(IOpenApiPathItem path) => path.Operations?.Values.AsEnumerable() ?? [];
        int Rank(IOpenApiPathItem path) =>
            Operations(path).SelectMany(o => o.Tags?.AsEnumerable() ?? []).Select(t => tags.IndexOf(t.Name ?? "")).DefaultIfEmpty(tags.Count).Min();

        var paths = document.Paths.OrderBy(p => Rank(p.Value)).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();
        document.Paths = [];
        foreach (var path in paths)
        {
            document.Paths.Add(path.Key, path.Value);
            foreach (var operation in Operations(path.Value).Where(o => o.Responses is not null))
            {
                var responses = operation.Responses!.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
                operation.Responses = [];
                foreach (var response in responses) operation.Responses.Add(response.Key, response.Value);
            }
        }
    }
}
