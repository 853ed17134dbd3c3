using DossierTracker.Api.Http;

namespace DossierTracker.Api.ReferenceData;

/// <summary>What PUT /api/units and PUT /api/procedures do alike: read the items, upsert them, answer what is stored now.</summary>
public static class ReferenceDataPut
{
    public static async Task<IResult> HandleAsync<TPayload, TStored>(HttpRequest request,
        Func<TPayload?[], Task<ReferenceDataUpsert<TStored>>> upsert, Func<TStored, object> stored, CancellationToken cancellationToken)
        where TStored : class
    {
        var (payload, problem) = await JsonInput.ReadAsync<TPayload?[]>(request, cancellationToken);
        if (problem is not null) return problem;

        var result = await upsert(payload!);
        return result.IsRejected
            ? result.ProblemCode is { } code ? Problems.Result(code, result.Detail, result.Errors) : Problems.Validation(result.Errors!, result.Detail)
            : Results.Json(stored(result.Stored!), ApiJson.Options);
    }
}
