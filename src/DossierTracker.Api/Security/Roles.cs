namespace DossierTracker.Api.Security;

/// <summary>Contract roles. <c>admin</c> may call everything.</summary>
public static class Roles
{
    public const string Ingest = "ingest";
    public const string Supervisor = "supervisor";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Ingest, Supervisor, Admin];
}

/// <summary>Authorization policies, one per kind of access; every endpoint names one.</summary>
public static class Policies
{
    /// <summary>Posting lifecycle events: ingest or admin.</summary>
    public const string Ingest = "ingest";
    /// <summary>Reading dossiers, lists and reports: supervisor or admin.</summary>
    public const string Supervise = "supervise";
    /// <summary>Writing reference data: admin only.</summary>
    public const string Administer = "administer";
    /// <summary>Reading reference data: any valid key.</summary>
    public const string AnyKey = "any-key";
}
