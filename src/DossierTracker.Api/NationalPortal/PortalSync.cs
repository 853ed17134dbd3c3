using System.Text.Json;
using DossierTracker.Api.Ingesting;
using DossierTracker.Api.ReadModel;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Calendar;
using DossierTracker.Dossiers;
using DossierTracker.Ingestion;
using DossierTracker.NationalPortal;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace DossierTracker.Api.NationalPortal;

/// <summary>
/// Applies the portal's payloads. Snapshots are compared with the dossiers' states as the read model holds them,
/// tried in memory, and what passes goes to the ingestor in one call (a group commit, <see cref="IngestionQueue"/>). A state that moves between
/// the read and the ingestor's lock is caught there: the snapshot-derived event ids make a concurrent retry a
/// duplicate, and the decider refuses what no longer fits.
/// </summary>
public sealed class PortalSync(
    IDocumentStore store, ReferenceDataCache referenceData, IngestionQueue ingestor, TrackerClock clock, ILogger<PortalSync> logger)
{
    public const string DossierService = "DongBoHoSoMC";
    public const string ProgressService = "CapNhatTienDoHoSoMC";

    /// <param name="senderUnitCode">The envelope's <c>madonvi</c>: the last resort for the receiving unit (<see cref="ReceivingUnits"/>).</param>
    public async Task<PortalResponse> SyncDossiersAsync(JsonElement data, string? senderUnitCode, Submitter submitter, CancellationToken cancellationToken)
    {
        var elements = data.EnumerateArray().ToList();
        var items = elements.Select(PortalDossierParser.Parse).ToList();
        var snapshots = items.Select(i => i.Dossier).OfType<PortalDossier>().ToList();
        var states = await LoadStatesAsync(snapshots.Select(s => s.Code).Distinct(StringComparer.Ordinal).ToArray(), cancellationToken);
        var (context, units) = await ContextAsync(snapshots, states, senderUnitCode, submitter, cancellationToken);
        // A dossier outside the key's scope is planned as an unknown one, so the answer tells nothing of its progress.
        foreach (var code in states.Where(s => !context.MayActOn(s.Value)).Select(s => s.Key).ToList()) states.Remove(code);

        var results = new PortalItemResult[items.Count];
        var accepted = new List<(int Index, PortalDossier Snapshot, ReceivingUnit? Unit, IReadOnlyList<EventSubmission> Plan)>();
        for (var i = 0; i < items.Count; i++)
        {
            var (parsed, errors) = items[i];
            if (parsed is null)
            {
                results[i] = PortalResults.Invalid(i, CodeOf(elements[i]), errors);
                continue;
            }
            // Only a dossier to receive needs its unit; a known one never has its receipt rewritten.
            var unit = parsed.Status.IsCounted() && !states.ContainsKey(parsed.Code) ? units.Find(parsed, senderUnitCode) : null;
            // Without a unit the plan only names the refused events: it reaches neither the trial nor the ingestor.
            var snapshot = unit is null ? parsed : parsed with { ReceivingUnitCode = unit.Code ?? parsed.ProcessingBody ?? "" };
            var plan = SnapshotPlanner.Plan(snapshot, states.GetValueOrDefault(snapshot.Code));
            if (plan.Outcome != SnapshotOutcome.NewEvents)
                results[i] = PortalResults.WithoutEvents(i, snapshot, plan.Outcome).About(snapshot, unit);
            else if (unit is { Code: null })
                results[i] = PortalResults.Refused(i, snapshot.Code, plan.Submissions,
                    IngestionResult.Rejected(plan.Submissions[0], new Rejection(ProblemCodes.UnknownUnit, unit.Note!))).About(snapshot, unit);
            else if (SnapshotTrial.Run(plan.Submissions, states, context) is { } refusal)
                results[i] = PortalResults.Refused(i, snapshot.Code, plan.Submissions, refusal).About(snapshot, unit);
            else
                accepted.Add((i, snapshot, unit, plan.Submissions));
        }

        var outcomes = await ingestor.IngestAsync(accepted.SelectMany(a => a.Plan).ToList(), submitter, cancellationToken);
        var offset = 0;
        foreach (var (index, snapshot, unit, plan) in accepted)
        {
            results[index] = PortalResults.Stored(index, snapshot.Code, plan, outcomes.Skip(offset).Take(plan.Count).ToList()).About(snapshot, unit);
            offset += plan.Count;
        }
        return Respond(DossierService, results, "hồ sơ");
    }

    /// <summary>Each step becomes one <c>processing</c> event; no state is needed to map it.</summary>
    public async Task<PortalResponse> SyncProgressAsync(JsonElement data, Submitter submitter, CancellationToken cancellationToken)
    {
        var results = new PortalItemResult[data.GetArrayLength()];
        var valid = new List<(int Index, EventSubmission Submission)>();
        var index = 0;
        foreach (var item in data.EnumerateArray())
        {
            var (update, errors) = ProgressUpdateParser.Parse(item);
            if (update is null) results[index] = PortalResults.Invalid(index, CodeOf(item), errors);
            else valid.Add((index, update.ToSubmission()));
            index++;
        }

        var outcomes = await ingestor.IngestAsync(valid.Select(v => v.Submission).ToList(), submitter, cancellationToken);
        for (var i = 0; i < valid.Count; i++)
            results[valid[i].Index] = PortalResults.Stored(valid[i].Index, valid[i].Submission.DossierCode, [valid[i].Submission], [outcomes[i]]);
        return Respond(ProgressService, results, "bước xử lý");
    }

    private async Task<Dictionary<string, Dossier>> LoadStatesAsync(string[] codes, CancellationToken cancellationToken)
    {
        if (codes.Length == 0) return new Dictionary<string, Dossier>(StringComparer.Ordinal);
        await using var session = store.QuerySession();
        return await DossierReadModelProjection.LoadAsync(session, codes, cancellationToken);
    }

    /// <summary>
    /// As the ingestor does, reloads reference data when a dossier to receive finds no unit, or names a procedure, that
    /// the cache lacks. A name the cache misses but a later rule (the dossier code's prefix) makes up for does not
    /// reload: real feeds send such names on every request.
    /// </summary>
    private async Task<(DecisionContext Context, ReceivingUnits Units)> ContextAsync(IReadOnlyList<PortalDossier> snapshots,
        Dictionary<string, Dossier> states, string? senderUnitCode, Submitter submitter, CancellationToken cancellationToken)
    {
        var toReceive = snapshots.Where(s => s.Status.IsCounted() && !states.ContainsKey(s.Code)).ToList();
        var reference = await referenceData.GetAsync(cancellationToken);
        var units = new ReceivingUnits(reference.Units);
        if (toReceive.Any(s => units.Find(s, senderUnitCode).Code is null || !reference.Procedures.ContainsKey(s.ProcedureCode!)))
        {
            reference = await referenceData.RefreshAsync(cancellationToken);
            units = new ReceivingUnits(reference.Units);
        }
        var now = clock.Now;
        return (new DecisionContext(reference.Units, reference.Procedures, reference.Calendar, now, now, submitter.ScopeUnitCode, submitter.Source), units);
    }

    private PortalResponse Respond(string service, PortalItemResult[] results, string noun)
    {
        foreach (var failed in results.Where(r => !r.Success))
        {
            var problem = (ProblemDetails)failed.Problem!;
            var errors = problem is ValidationProblemDetails validation
                ? string.Join("; ", validation.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))
                : "";
            logger.LogInformation("{Service} item {Index} (MaHoSo {MaHoSo}) not accepted: {ProblemType} {ProblemDetail} {Errors}",
                service, failed.Index, failed.DossierCode, problem.Type, problem.Detail, errors);
        }
        return PortalResults.Response(results, noun);
    }

    /// <summary>
    /// MaHoSo of an item that failed validation, when it has a usable one, so the sender can match the result; an item
    /// whose text cannot be read (<see cref="JsonUnicode"/>) is known by its index alone.
    /// </summary>
    private static string? CodeOf(JsonElement item) => JsonUnicode.FindInvalid(item) is null ? new PortalFields(item).Code("MaHoSo") : null;
}
