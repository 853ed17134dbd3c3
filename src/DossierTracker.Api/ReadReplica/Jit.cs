using Npgsql;

namespace DossierTracker.Api.ReadReplica;

/// <summary>
/// No JIT compilation on the tracker's connections (the primary's and the replica's). PostgreSQL compiles a statement
/// whose estimated cost passes jit_above_cost, and the read model's partial indexes make estimates many times the rows
/// read (the overdue among the running phases: 139,000 estimated, 1,800 read): compiling then took 350–700 ms of a
/// 30 ms count at 1M dossiers (ops/bench/results/reads-2026-12-05-h17-reads3.md). No statement here runs long enough
/// to win that back.
/// </summary>
public static class Jit
{
    public static void Off(NpgsqlConnectionStringBuilder connection) =>
        connection.Options = string.IsNullOrEmpty(connection.Options) ? "-c jit=off" : $"{connection.Options} -c jit=off";
}
