using DossierTracker.Calendar;
using DossierTracker.Procedures;
using Marten;

namespace DossierTracker.Api.ReferenceData;

/// <summary>
/// Validates and stores procedures and their legal processing times, for PUT /api/procedures and the
/// <c>reference-data</c> command alike. Nothing is stored unless every procedure is valid; due times already computed
/// are not changed.
/// </summary>
public static class ProceduresUpsert
{
    /// <returns>On success the reference data as reloaded after the change (every known procedure).</returns>
    public static async Task<ReferenceDataUpsert<ReferenceDataSnapshot>> ApplyAsync(
        IReadOnlyList<ProcedurePayload?> payload, IDocumentStore store, ReferenceDataCache referenceData, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var procedures = new List<Procedure>();
        for (var i = 0; i < payload.Count; i++)
        {
            var fieldErrors = Check(payload[i]);
            if (fieldErrors.Count > 0) errors[$"[{i}]"] = [.. fieldErrors];
            else procedures.Add(ToProcedure(payload[i]!));
        }
        if (errors.Count > 0) return ReferenceDataUpsert<ReferenceDataSnapshot>.Rejected(errors);

        await using var session = store.LightweightSession();
        session.Store(procedures.ToArray());
        await session.SaveChangesAsync(cancellationToken);
        return ReferenceDataUpsert<ReferenceDataSnapshot>.Accepted(await referenceData.RefreshAsync(cancellationToken));
    }

    private static List<string> Check(ProcedurePayload? p)
    {
        if (p is null) return ["A procedure must be an object, not null."];
        var fieldErrors = new List<string>();
        if (string.IsNullOrWhiteSpace(p.Code) || p.Code.Length > 100) fieldErrors.Add("code is required (1–100 characters).");
        if (string.IsNullOrWhiteSpace(p.Name) || p.Name.Length > 1000) fieldErrors.Add("name is required (1–1000 characters).");
        if (p.ProcessingTime?.Value is not (>= 0 and <= 3650)) fieldErrors.Add("processingTime.value must be a whole number from 0 to 3650.");
        if (p.ProcessingTime?.Unit is null) fieldErrors.Add("processingTime.unit must be working-days, working-hours or calendar-days.");
        return fieldErrors;
    }

    private static Procedure ToProcedure(ProcedurePayload p) =>
        new(p.Code!, p.Name!, new ProcessingTime(p.ProcessingTime!.Value!.Value, p.ProcessingTime.Unit!.Value));
}
