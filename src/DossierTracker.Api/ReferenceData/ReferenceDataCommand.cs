using System.Text.Json;
using DossierTracker.Api.Audit;
using DossierTracker.Api.Http;
using DossierTracker.Organisation;
using JasperFx.CommandLine;
using Marten;

namespace DossierTracker.Api.ReferenceData;

public sealed class ReferenceDataInput : NetCoreInput
{
    // A string, not an enum: the command line parses enum values case-sensitively, and the usage is lower case.
    [Description("load")]
    public string Action { get; set; } = "";

    [Description("JSON file with units, in the body format of PUT /api/units")]
    public string? UnitsFlag { get; set; }

    [Description("JSON file with procedures, in the body format of PUT /api/procedures")]
    public string? ProceduresFlag { get; set; }

    [Description("Why the reference data changes (recorded in the audit trail; optional)")]
    public string? ReasonFlag { get; set; }
}

/// <summary>
/// Bootstraps a database without HTTP (keys need units to exist first). Applies exactly the rules of PUT /api/units and
/// PUT /api/procedures, through the same code; units are loaded first, then procedures, each file all or nothing.
/// </summary>
[Description("Load units and procedures from JSON files (the bodies of PUT /api/units and PUT /api/procedures)", Name = "reference-data")]
public sealed class ReferenceDataCommand : JasperFxAsyncCommand<ReferenceDataInput>
{
    public ReferenceDataCommand()
    {
        Usage("Load units (--units FILE) and/or procedures (--procedures FILE)").Arguments(x => x.Action);
    }

    public override async Task<bool> Execute(ReferenceDataInput input)
    {
        if (!string.Equals(input.Action, "load", StringComparison.OrdinalIgnoreCase))
            return Fail($"Unknown action '{input.Action}'; the action is: load.");
        if (input.UnitsFlag is null && input.ProceduresFlag is null)
            return Fail("Name at least one file: --units FILE and/or --procedures FILE.");

        if (input.ReasonFlag is { Length: > AuditedChange.MaxReasonLength })
            return Fail($"--reason must be at most {AuditedChange.MaxReasonLength} characters.");

        // Files are read before the host is built, so a typo in a path fails fast and touches no database.
        var units = input.UnitsFlag is null ? default : ReadFile<UnitPayload?[]>(input.UnitsFlag);
        var procedures = input.ProceduresFlag is null ? default : ReadFile<ProcedurePayload?[]>(input.ProceduresFlag);
        if ((units.Problem ?? procedures.Problem) is { } problem) return Fail(problem);

        // The host is built for its services only: nothing is started (no web server, no background work).
        using var host = input.BuildHost();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var referenceData = host.Services.GetRequiredService<ReferenceDataCache>();
        var audit = host.Services.GetRequiredService<AuditTrail>();
        var change = new AuditedChange(AuditActor.CommandLine(), string.IsNullOrWhiteSpace(input.ReasonFlag) ? null : input.ReasonFlag.Trim());
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        if (units.Value is { } unitPayload)
        {
            var upsert = await UnitsUpsert.ApplyAsync(unitPayload, change, ChangeScope.Unlimited, store, audit, referenceData, CancellationToken.None);
            if (upsert.IsRejected) return Rejected(input.UnitsFlag!, upsert.Errors!, upsert.Detail);
            Console.WriteLine($"Units: {unitPayload.Length} loaded from {input.UnitsFlag}; the tree now has {Describe(upsert.Stored!)}.");
        }

        if (procedures.Value is { } procedurePayload)
        {
            var upsert = await ProceduresUpsert.ApplyAsync(procedurePayload, change, store, audit, referenceData, CancellationToken.None);
            if (upsert.IsRejected) return Rejected(input.ProceduresFlag!, upsert.Errors!, upsert.Detail);
            Console.WriteLine($"Procedures: {procedurePayload.Length} loaded from {input.ProceduresFlag}; {upsert.Stored!.Procedures.Count} known in all.");
        }
        return true;
    }

    private static (T? Value, string? Problem) ReadFile<T>(string path) where T : class
    {
        try
        {
            using var stream = File.OpenRead(path);
            var value = JsonSerializer.Deserialize<T>(stream, ApiJson.Options);
            return value is null ? (null, $"{path}: the file holds null, not a JSON array.") : (value, null);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            return (null, $"{path}: cannot read the file ({e.Message}).");
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : "";
            return (null, $"{path}: the value at {e.Path ?? "$"}{where} is not valid JSON or has the wrong type or format.");
        }
    }

    private static string Describe(IReadOnlyList<Unit> units) =>
        $"{units.Count} units (" + string.Join(", ", units.GroupBy(u => u.Level).OrderBy(g => g.Key)
            .Select(g => $"{WireNames.Of(g.Key)}: {g.Count()}")) + ")";

    private static bool Rejected(string path, IDictionary<string, string[]> errors, string? detail)
    {
        Console.Error.WriteLine($"{path} was rejected: {detail ?? "one or more entries are not valid; nothing was stored."}");
        foreach (var (field, messages) in errors.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            foreach (var message in messages) Console.Error.WriteLine($"  {field}: {message}");
        }
        return false;
    }

    private static bool Fail(string message)
    {
        Console.Error.WriteLine(message);
        return false;
    }
}
