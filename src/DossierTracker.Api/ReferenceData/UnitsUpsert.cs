using System.Text.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.Audit;
using DossierTracker.Api.Http;
using DossierTracker.Organisation;
using Marten;
using Npgsql;

namespace DossierTracker.Api.ReferenceData;

/// <summary>
/// Validates and stores units, for PUT /api/units and the <c>reference-data</c> command alike. Units not named are kept
/// (dossiers and history refer to them); the merged tree is checked as a whole — unknown parents, cycles, levels under
/// the wrong parent — and nothing is stored unless it is valid, nor when a unit lies outside the changer's
/// <see cref="ChangeScope"/> (a 403). Each unit added or changed is an audit entry committed with the change.
/// </summary>
public static class UnitsUpsert
{
    public const int MaxNameLength = 300;

    /// <summary>Namespace of the units' advisory lock, apart from the dossiers' (<c>0x44540001</c>) and the procedures'.</summary>
    private const int UnitsLockSpace = 0x44540003;

    /// <returns>On success every unit of the merged tree, stored units included.</returns>
    public static async Task<ReferenceDataUpsert<IReadOnlyList<Unit>>> ApplyAsync(
        IReadOnlyList<UnitPayload?> payload, AuditedChange change, ChangeScope scope, IDocumentStore store, AuditTrail audit,
        ReferenceDataCache referenceData, CancellationToken cancellationToken)
    {
        var items = CheckItems(payload);
        if (items.Rejected is { } rejected) return rejected;

        await using var session = store.LightweightSession();
        // The tree is checked, and the audit's "before" read, against what is stored: one upsert at a time.
        await session.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand($"select pg_advisory_xact_lock({UnitsLockSpace}, 0)", session.Connection))
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        var existing = await session.Query<Unit>().ToListAsync(cancellationToken);
        var checkedTree = CheckTree(items.Units!, existing, scope);
        if (checkedTree.IsRejected) return checkedTree;

        session.Store(items.Units!.ToArray());
        audit.Enlist(session, Changes(items.Units!, existing, change));
        await session.SaveChangesAsync(cancellationToken);
        await referenceData.RefreshAsync(cancellationToken);
        return checkedTree;
    }

    /// <summary>
    /// Every check of <see cref="ApplyAsync"/> without storing: the admin area's preview of an upload runs it against
    /// the units it shows (the upload is checked again, under the lock, when it is applied).
    /// </summary>
    public static ReferenceDataUpsert<IReadOnlyList<Unit>> Check(IReadOnlyList<UnitPayload?> payload, IReadOnlyList<Unit> existing, ChangeScope scope)
    {
        var items = CheckItems(payload);
        return items.Rejected ?? CheckTree(items.Units!, existing, scope);
    }

    private static (List<Unit>? Units, ReferenceDataUpsert<IReadOnlyList<Unit>>? Rejected) CheckItems(IReadOnlyList<UnitPayload?> payload)
    {
        var errors = new Dictionary<string, string[]>();
        var units = new List<Unit>();
        for (var i = 0; i < payload.Count; i++)
        {
            var fieldErrors = CheckItem(payload[i]);
            if (fieldErrors.Count > 0) errors[$"[{i}]"] = [.. fieldErrors];
            else units.Add(ToUnit(payload[i]!));
        }
        return errors.Count > 0 ? (null, ReferenceDataUpsert<IReadOnlyList<Unit>>.Rejected(errors)) : (units, null);
    }

    /// <returns>On success the merged tree's units.</returns>
    private static ReferenceDataUpsert<IReadOnlyList<Unit>> CheckTree(List<Unit> units, IReadOnlyList<Unit> existing, ChangeScope scope)
    {
        var incoming = units.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<Unit> merged = existing.Where(u => !incoming.Contains(u.Code)).Concat(units).ToList();
        var tree = OrganisationTree.Build(merged);
        if (tree.Errors.Count > 0)
            return ReferenceDataUpsert<IReadOnlyList<Unit>>.Rejected(
                tree.Errors.ToDictionary(e => $"units[{e.Key}]", e => e.Value),
                "The units do not form a valid organisation tree; nothing was stored.");
        if (tree.SuccessionErrors.Count > 0)
            return ReferenceDataUpsert<IReadOnlyList<Unit>>.Rejected(
                tree.SuccessionErrors.ToDictionary(e => $"units[{e.Key}].successorCode", e => e.Value),
                "A successorCode does not name a unit that takes over the day after the unit's validTo; nothing was stored.",
                ProblemCatalogue.InvalidSuccessor);
        var outside = scope.Outside(units, existing, OrganisationTree.Build(existing).Tree ?? OrganisationTree.Empty, tree.Tree!);
        if (outside.Count > 0)
            return ReferenceDataUpsert<IReadOnlyList<Unit>>.Rejected(outside,
                "A unit lies outside the scope of the one changing it; nothing was stored.", ProblemCatalogue.Forbidden);
        return ReferenceDataUpsert<IReadOnlyList<Unit>>.Accepted(merged);
    }

    /// <summary>The units added or changed (the last of a code sent twice), each with its unit as the entry's scope.</summary>
    private static List<AuditEntry> Changes(IReadOnlyList<Unit> units, IReadOnlyList<Unit> existing, AuditedChange change)
    {
        var before = existing.ToDictionary(u => u.Code, StringComparer.Ordinal);
        return units.GroupBy(u => u.Code, StringComparer.Ordinal).Select(g => g.Last())
            .Where(u => !Equals(before.GetValueOrDefault(u.Code), u))
            .Select(u => before.GetValueOrDefault(u.Code) is { } old
                ? change.Entry(AuditActions.UnitChanged, u.Code, u.Code, Json(old), Json(u))
                : change.Entry(AuditActions.UnitCreated, u.Code, u.Code, null, Json(u)))
            .ToList();
    }

    private static JsonNode? Json(Unit unit) => JsonSerializer.SerializeToNode(UnitPayload.Of(unit), ApiJson.Options);

    private static List<string> CheckItem(UnitPayload? p)
    {
        if (p is null) return ["A unit must be an object, not null."];
        var fieldErrors = new List<string>();
        if (string.IsNullOrWhiteSpace(p.Code) || p.Code.Length > 100) fieldErrors.Add("code is required (1–100 characters).");
        if (string.IsNullOrWhiteSpace(p.Name) || p.Name.Length > MaxNameLength) fieldErrors.Add($"name is required (1–{MaxNameLength} characters).");
        if (p.Level is null) fieldErrors.Add("level is required: province, department, district or commune.");
        if (p.SuccessorCode is { } successor && (string.IsNullOrWhiteSpace(successor) || successor.Length > 100))
            fieldErrors.Add("successorCode, when given, is a unit code (1–100 characters).");
        if (p.ReportRecipient is { } recipient && (string.IsNullOrWhiteSpace(recipient) || recipient.Length > MaxNameLength))
            fieldErrors.Add($"reportRecipient, when given, must be 1–{MaxNameLength} characters (absent or null: the parent unit).");
        return fieldErrors;
    }

    private static Unit ToUnit(UnitPayload p) =>
        new(p.Code!, p.Name!, p.Level!.Value, string.IsNullOrEmpty(p.ParentCode) ? null : p.ParentCode, p.ValidFrom, p.ValidTo,
            p.SuccessorCode, p.ReportRecipient);
}
