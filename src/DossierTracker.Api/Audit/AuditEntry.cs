using System.Text.Json.Nodes;

namespace DossierTracker.Api.Audit;

/// <summary>
/// One fact of the audit trail: who did what to which subject, what it was before and after (the changed item only,
/// never the whole tree), and why. <see cref="UnitCode"/> is the unit whose admins may read the entry; null for
/// province-wide reference data (procedures, calendar years), which only admins of a root unit read.
/// <see cref="Reason"/> is null when none was given (existing API clients send none).
/// </summary>
public sealed record AuditEntry(
    string Action,
    AuditActor Actor,
    string? UnitCode,
    string? Subject,
    JsonNode? Before,
    JsonNode? After,
    string? Reason);

/// <summary>Who acted: an <c>account</c>, an API <c>key</c>, or the <c>system</c> (the command line); never a secret.</summary>
public sealed record AuditActor(string Kind, string Id, string? Name)
{
    public const string AccountKind = "account";
    public const string KeyKind = "key";
    public const string SystemKind = "system";

    public static AuditActor Account(string id, string? name) => new(AccountKind, id, name);

    public static AuditActor Key(string id, string? name) => new(KeyKind, id, name);

    /// <summary>Work done outside HTTP and outside anyone's session, e.g. by the tests.</summary>
    public static AuditActor System(string id, string? name = null) => new(SystemKind, id, name);

    /// <summary>The <c>keys</c> and <c>reference-data</c> commands: whoever runs them on the server.</summary>
    public static AuditActor CommandLine() => System("command-line", Environment.UserName);
}
