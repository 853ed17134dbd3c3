using DossierTracker.Api.Errors;
using DossierTracker.Api.Hosting;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Api.Security;
using DossierTracker.Calendar;
using DossierTracker.Procedures;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace DossierTracker.Api.Procedures;

public static class PutProcedures
{
    /// <summary>Upserts procedures and their legal processing times. Due times already computed are not changed.</summary>
    [WolverinePut("/api/procedures", Name = "PutProcedures"), Authorize(Policy = Policies.Administer), Tags("Reference data")]
    public static async Task<IResult> Put(HttpRequest request, IDocumentStore store, ReferenceDataCache referenceData, CancellationToken cancellationToken)
    {
        var (payload, problem) = await JsonInput.ReadAsync<ProcedurePayload[]>(request, cancellationToken);
        if (problem is not null) return problem;

        var errors = new Dictionary<string, string[]>();
        var procedures = new List<Procedure>();
        for (var i = 0; i < payload!.Length; i++)
        {
            var p = payload[i];
            var fieldErrors = new List<string>();
            if (string.IsNullOrWhiteSpace(p.Code) || p.Code.Length > 100) fieldErrors.Add("code is required (1–100 characters).");
            if (string.IsNullOrWhiteSpace(p.Name) || p.Name.Length > 1000) fieldErrors.Add("name is required (1–1000 characters).");
            if (p.ProcessingTime?.Value is not (>= 0 and <= 3650)) fieldErrors.Add("processingTime.value must be a whole number from 0 to 3650.");
            if (p.ProcessingTime?.Unit is null) fieldErrors.Add("processingTime.unit must be working-days, working-hours or calendar-days.");
            if (fieldErrors.Count > 0) errors[$"[{i}]"] = [.. fieldErrors];
            else procedures.Add(new Procedure(p.Code!, p.Name!, new ProcessingTime(p.ProcessingTime!.Value!.Value, p.ProcessingTime.Unit!.Value)));
        }
        if (errors.Count > 0) return Problems.Validation(errors);

        await using var session = store.LightweightSession();
        session.Store(procedures.ToArray());
        await session.SaveChangesAsync(cancellationToken);
        var snapshot = await referenceData.RefreshAsync(cancellationToken);
        return Results.Json(GetProcedures.Ordered(snapshot), ApiJson.Options);
    }
}
