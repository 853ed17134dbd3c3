using Npgsql;

namespace DossierTracker.LoadBench;

/// <summary>The processes whose CPU time a stage counts: the tracker, PostgreSQL, this harness, and a load generator.</summary>
public static class TrackerProcesses
{
    public static ProcessSampler Sampler(int trackerPid, int postmaster, params (string Name, Func<IEnumerable<int>> Pids)[] extra)
    {
        var groups = new Dictionary<string, Func<IEnumerable<int>>>
        {
            ["tracker"] = () => [trackerPid],
            ["PostgreSQL"] = () => ProcessSampler.WithChildren(postmaster),
            ["benchmark harness"] = () => [Environment.ProcessId],
        };
        foreach (var (name, pids) in extra) groups[name] = pids;
        return new ProcessSampler(trackerPid, groups);
    }

    /// <summary>Our own backend's parent is the postmaster: its children are every PostgreSQL process of the cluster.</summary>
    public static async Task<int> PostmasterPidAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand("select pg_backend_pid()");
        var backend = (int)(await command.ExecuteScalarAsync())!;
        return ProcessSampler.ParentOf(backend) is > 0 and var pid
            ? pid
            : throw new InvalidOperationException("PostgreSQL's processes are not visible here; the benchmark samples them on this machine.");
    }
}
