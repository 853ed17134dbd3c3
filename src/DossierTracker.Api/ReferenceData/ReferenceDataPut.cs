using DossierTracker.Api.Audit;
using DossierTracker.Api.Http;

namespace DossierTracker.Api.ReferenceData;

/// <summary>
/// What PUT /api/units and PUT /api/procedures do alike: read the reason and the items, upsert them (with their audit
/// entries), answer what is stored now.
/// </summary>
public static class ReferenceDataPut
{
    public static async Task<IResult> HandleAsync<TPayload, TStored>(HttpRequest request, string? reason, AuditActor actor,
        Func<TPayload?[], AuditedChange, Task<ReferenceDataUpsert<TStored>>> upsert, Func<TStored, object> stored, CancellationToken cancellationToken)
        where TStored : class
    {
        var query = new QueryParameters();
        var change = new AuditedChange(actor, AuditedChange.ParseReason(query, reason));
        if (query.HasErrors) return query.Problem;
        var (payload, problem) = await JsonInput.ReadAsync<TPayload?[]>(request, cancellationToken);
        if (problem is not null) return problem;

        var result = await upsert(payload!, change);
        if (!result.IsRejected) return Results.Json(stored(result.Stored!), ApiJson.Options);
        return result.ProblemCode == ProblemCatalogue.Validation
            ? Problems.Validation(result.Errors!, result.Detail)
            : Problems.Result(result.ProblemCode, result.Detail, result.Errors);
    }
}
