namespace DossierTracker.Api.ReadReplica;

/// <summary>Configuration section <c>ReadReplica</c>; the replica itself is <c>ConnectionStrings:MartenReadOnly</c>.</summary>
public sealed class ReadReplicaOptions
{
    /// <summary>Reports and lists go to the primary while the replica is further behind than this.</summary>
    public double MaxLagSeconds { get; set; } = 5;

    /// <summary>How often the replica's reachability and lag are checked.</summary>
    public double CheckIntervalSeconds { get; set; } = 1;
}
