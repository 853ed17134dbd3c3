using DossierTracker.Api.Audit;
using DossierTracker.Api.ReferenceData;
using JasperFx.CommandLine;

namespace DossierTracker.Api.Security;

public sealed class KeysInput : NetCoreInput
{
    // A string, not an enum: the command line parses enum values case-sensitively, and the usage is lower case.
    [Description("create | revoke | list")]
    public string Action { get; set; } = "";

    [Description("For revoke: the key id (or the whole key)")]
    public string? Target { get; set; }

    [Description("Role of the new key: ingest, supervisor or admin")]
    public string? RoleFlag { get; set; }

    [Description("Scope unit code of the new key: it may act on this unit and every unit below it")]
    public string? UnitFlag { get; set; }

    [Description("Who or what the key is for (shown in listings, never secret)")]
    public string? NameFlag { get; set; }

    [Description("Why the key is created or revoked (recorded in the audit trail; optional)")]
    public string? ReasonFlag { get; set; }
}

[Description("Create, revoke or list API keys (a new key is printed once; only its hash is stored)", Name = "keys")]
public sealed class KeysCommand : JasperFxAsyncCommand<KeysInput>
{
    public KeysCommand()
    {
        Usage("Create a key (--role, --unit, --name) or list keys").Arguments(x => x.Action);
        Usage("Revoke a key").Arguments(x => x.Action, x => x.Target!);
    }

    public override async Task<bool> Execute(KeysInput input)
    {
        // The host is built for its services only: nothing is started (no web server, no background work).
        if (input.ReasonFlag is { Length: > AuditedChange.MaxReasonLength })
            return Fail($"--reason must be at most {AuditedChange.MaxReasonLength} characters.");
        using var host = input.BuildHost();
        var registry = host.Services.GetRequiredService<ApiKeyRegistry>();
        return input.Action.ToLowerInvariant() switch
        {
            "create" => await Create(input, registry, host.Services.GetRequiredService<ReferenceDataCache>()),
            "revoke" => await Revoke(input, registry),
            "list" => await List(registry),
            _ => Fail($"Unknown action '{input.Action}'; use create, revoke or list."),
        };
    }

    private static async Task<bool> Create(KeysInput input, ApiKeyRegistry registry, ReferenceDataCache referenceData)
    {
        var snapshot = await referenceData.RefreshAsync(CancellationToken.None);
        var problems = ApiKeyRules.Check(input.RoleFlag, input.UnitFlag, input.NameFlag, snapshot.Units);
        if (problems.Count > 0) return Fail(string.Join(Environment.NewLine, problems.Select(p => $"--{p.Field} {p.Message}.")));

        var key = await registry.CreateAsync(input.RoleFlag!, input.UnitFlag!, input.NameFlag!.Trim(), Change(input), CancellationToken.None);
        Console.WriteLine(key);
        Console.Error.WriteLine($"Created a {input.RoleFlag} key for unit {input.UnitFlag} ('{input.NameFlag}'). Store it now: it cannot be shown again.");
        return true;
    }

    private static async Task<bool> Revoke(KeysInput input, ApiKeyRegistry registry)
    {
        if (string.IsNullOrWhiteSpace(input.Target)) return Fail("Name the key id to revoke.");
        if (!await registry.RevokeAsync(input.Target, Change(input), CancellationToken.None)) return Fail("No such key.");
        Console.WriteLine("Revoked.");
        return true;
    }

    private static async Task<bool> List(ApiKeyRegistry registry)
    {
        foreach (var key in await registry.ListAsync(CancellationToken.None))
            Console.WriteLine($"{key.Id}\t{key.Role}\t{key.UnitCode}\t{(key.IsRevoked ? "revoked" : "active")}\t{key.Name}");
        return true;
    }

    private static AuditedChange Change(KeysInput input) =>
        new(AuditActor.CommandLine(), string.IsNullOrWhiteSpace(input.ReasonFlag) ? null : input.ReasonFlag.Trim());

    private static bool Fail(string message)
    {
        Console.Error.WriteLine(message);
        return false;
    }
}
