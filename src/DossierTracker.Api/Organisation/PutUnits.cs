using DossierTracker.Api.Errors;
using DossierTracker.Api.Hosting;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Api.Security;
using DossierTracker.Organisation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace DossierTracker.Api.Organisation;

public static class PutUnits
{
    /// <summary>
    /// Upserts the units given (units not named are kept: dossiers and history refer to them). The merged tree is checked
    /// as a whole — unknown parents, cycles, levels under the wrong parent — and nothing is stored unless it is valid.
    /// </summary>
    [WolverinePut("/api/units", Name = "PutUnits"), Authorize(Policy = Policies.Administer), Tags("Reference data")]
    public static async Task<IResult> Put(HttpRequest request, IDocumentStore store, ReferenceDataCache referenceData, CancellationToken cancellationToken)
    {
        var (payload, problem) = await JsonInput.ReadAsync<UnitPayload[]>(request, cancellationToken);
        if (problem is not null) return problem;

        var errors = new Dictionary<string, string[]>();
        var units = new List<Unit>();
        for (var i = 0; i < payload!.Length; i++)
        {
            var p = payload[i];
            var fieldErrors = new List<string>();
            if (string.IsNullOrWhiteSpace(p.Code) || p.Code.Length > 100) fieldErrors.Add("code is required (1–100 characters).");
            if (string.IsNullOrWhiteSpace(p.Name) || p.Name.Length > 300) fieldErrors.Add("name is required (1–300 characters).");
            if (p.Level is null) fieldErrors.Add("level is required: province, department, district or commune.");
            if (fieldErrors.Count > 0) errors[$"[{i}]"] = [.. fieldErrors];
            else units.Add(new Unit(p.Code!, p.Name!, p.Level!.Value, string.IsNullOrEmpty(p.ParentCode) ? null : p.ParentCode, p.ValidFrom, p.ValidTo));
        }
        if (errors.Count > 0) return Problems.Validation(errors);

        await using var session = store.LightweightSession();
        var existing = await session.Query<Unit>().ToListAsync(cancellationToken);
        var incoming = units.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        var merged = existing.Where(u => !incoming.Contains(u.Code)).Concat(units).ToList();
        var tree = OrganisationTree.Build(merged);
        if (tree.Tree is null)
            return Problems.Validation(tree.Errors.ToDictionary(e => $"units[{e.Key}]", e => e.Value), "The units do not form a valid organisation tree; nothing was stored.");

        session.Store(units.ToArray());
        await session.SaveChangesAsync(cancellationToken);
        await referenceData.RefreshAsync(cancellationToken);
        return Results.Json(UnitPayload.Ordered(merged), ApiJson.Options);
    }
}
