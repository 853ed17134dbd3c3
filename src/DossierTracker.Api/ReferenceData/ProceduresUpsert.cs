using System.Text.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.Audit;
using DossierTracker.Api.Http;
using DossierTracker.Calendar;
using DossierTracker.Procedures;
using Marten;
using Npgsql;

namespace DossierTracker.Api.ReferenceData;

/// <summary>
/// Validates and stores procedures, their legal processing times and fields, for PUT /api/procedures and the
/// <c>reference-data</c> command alike. Nothing is stored unless every procedure is valid and every field code keeps
/// one name (<see cref="FieldNames"/>); due times already computed are not changed. Each procedure added or changed is
/// an audit entry committed with the change.
/// </summary>
public static class ProceduresUpsert
{
    public const int MaxCodeLength = 100;
    public const int MaxNameLength = 1000;

    /// <summary>Namespace of the procedures' advisory lock, apart from the dossiers' (<c>0x44540001</c>) and Marten's.</summary>
    private const int ProceduresLockSpace = 0x44540002;

    /// <returns>On success the reference data as reloaded after the change (every known procedure).</returns>
    public static async Task<ReferenceDataUpsert<ReferenceDataSnapshot>> ApplyAsync(
        IReadOnlyList<ProcedurePayload?> payload, AuditedChange change, IDocumentStore store, AuditTrail audit, ReferenceDataCache referenceData,
        CancellationToken cancellationToken)
    {
        var items = CheckItems(payload);
        if (items.Errors.Count > 0) return ReferenceDataUpsert<ReferenceDataSnapshot>.Rejected(items.Errors);

        await using var session = store.LightweightSession();
        // The names are checked against what is stored: two upserts at once would each miss the other's, so one at a time.
        await session.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand($"select pg_advisory_xact_lock({ProceduresLockSpace}, 0)", session.Connection))
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        var stored = await session.Query<Procedure>().ToListAsync(cancellationToken);
        if (CheckNames(items.Procedures, stored) is { } conflict) return conflict;

        session.Store(items.Procedures.ToArray());
        audit.Enlist(session, Changes(items.Procedures, stored, change));
        await session.SaveChangesAsync(cancellationToken);
        return ReferenceDataUpsert<ReferenceDataSnapshot>.Accepted(await referenceData.RefreshAsync(cancellationToken));
    }

    /// <summary>
    /// Every check of <see cref="ApplyAsync"/> without storing, against the procedures given as stored: the admin area's
    /// preview of an upload (checked again, under the lock, when it is applied). Null when the procedures are valid.
    /// </summary>
    public static ReferenceDataUpsert<ReferenceDataSnapshot>? Check(IReadOnlyList<ProcedurePayload?> payload, IReadOnlyList<Procedure> stored)
    {
        var items = CheckItems(payload);
        return items.Errors.Count > 0 ? ReferenceDataUpsert<ReferenceDataSnapshot>.Rejected(items.Errors) : CheckNames(items.Procedures, stored);
    }

    private static (List<Procedure> Procedures, Dictionary<string, string[]> Errors) CheckItems(IReadOnlyList<ProcedurePayload?> payload)
    {
        var errors = new Dictionary<string, string[]>();
        var procedures = new List<Procedure>();
        for (var i = 0; i < payload.Count; i++)
        {
            var fieldErrors = CheckItem(payload[i]);
            if (fieldErrors.Count > 0) errors[$"[{i}]"] = [.. fieldErrors];
            else procedures.Add(ToProcedure(payload[i]!));
        }
        return (procedures, errors);
    }

    private static ReferenceDataUpsert<ReferenceDataSnapshot>? CheckNames(IReadOnlyList<Procedure> procedures, IReadOnlyList<Procedure> stored)
    {
        var conflicts = FieldNames.Conflicts(procedures, stored);
        return conflicts.Count == 0 ? null : ReferenceDataUpsert<ReferenceDataSnapshot>.Rejected(conflicts,
            "A field code has one name: the procedures would give it two; nothing was stored. To rename a field, send every " +
            "procedure of that field with the new name in one request.", ProblemCatalogue.FieldNameConflict);
    }

    /// <summary>The procedures added or changed; province-wide, so without a unit scope.</summary>
    private static List<AuditEntry> Changes(IReadOnlyList<Procedure> procedures, IReadOnlyList<Procedure> stored, AuditedChange change)
    {
        var before = stored.ToDictionary(p => p.Code, StringComparer.Ordinal);
        return procedures.GroupBy(p => p.Code, StringComparer.Ordinal).Select(g => g.Last())
            .Where(p => !Equals(before.GetValueOrDefault(p.Code), p))
            .Select(p => before.GetValueOrDefault(p.Code) is { } old
                ? change.Entry(AuditActions.ProcedureChanged, null, p.Code, Json(old), Json(p))
                : change.Entry(AuditActions.ProcedureCreated, null, p.Code, null, Json(p)))
            .ToList();
    }

    private static JsonNode? Json(Procedure procedure) =>
        JsonSerializer.SerializeToNode(ProcedurePayload.Of(procedure), ApiJson.Options);

    private static List<string> CheckItem(ProcedurePayload? p)
    {
        if (p is null) return ["A procedure must be an object, not null."];
        var fieldErrors = new List<string>();
        if (string.IsNullOrWhiteSpace(p.Code) || p.Code.Length > MaxCodeLength) fieldErrors.Add($"code is required (1–{MaxCodeLength} characters).");
        if (string.IsNullOrWhiteSpace(p.Name) || p.Name.Length > MaxNameLength) fieldErrors.Add($"name is required (1–{MaxNameLength} characters).");
        if (p.ProcessingTime?.Value is not (>= 0 and <= 3650)) fieldErrors.Add("processingTime.value must be a whole number from 0 to 3650.");
        if (p.ProcessingTime?.Unit is null) fieldErrors.Add("processingTime.unit must be working-days, working-hours or calendar-days.");
        if (p.Field is { } field)
        {
            // A field code groups report rows: "G13-TN02" and "G13-TN02 " must not become two fields.
            if (string.IsNullOrWhiteSpace(field.Code) || field.Code.Length > MaxCodeLength
                || field.Code.Trim().Length != field.Code.Length || field.Code.Any(char.IsControl))
                fieldErrors.Add($"field.code is required (1–{MaxCodeLength} characters, without surrounding spaces or control characters).");
            if (string.IsNullOrWhiteSpace(field.Name) || field.Name.Length > MaxNameLength)
                fieldErrors.Add($"field.name is required (1–{MaxNameLength} characters).");
        }
        return fieldErrors;
    }

    private static Procedure ToProcedure(ProcedurePayload p) =>
        new(p.Code!, p.Name!, new ProcessingTime(p.ProcessingTime!.Value!.Value, p.ProcessingTime.Unit!.Value),
            p.Field is { } field ? new ProcedureField(field.Code!, field.Name!) : null);
}
