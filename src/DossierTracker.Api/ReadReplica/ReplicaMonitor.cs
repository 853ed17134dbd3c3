using Microsoft.Extensions.Options;
using Npgsql;

namespace DossierTracker.Api.ReadReplica;

/// <summary>
/// Checks the replica every <see cref="ReadReplicaOptions.CheckIntervalSeconds"/>: reachable, in recovery (a standby,
/// not a promoted or misconfigured primary), and its lag: none when it has replayed the primary's current WAL position,
/// else the time since the last transaction it replayed.
/// </summary>
public sealed class ReplicaMonitor(NpgsqlDataSource primary, ReplicaDataSource replica, ReadSource reads, IOptions<ReadReplicaOptions> options,
    ILogger<ReplicaMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.CheckIntervalSeconds));
        do
        {
            try
            {
                var (usable, why) = await CheckAsync(stoppingToken);
                reads.SetUsable(usable, why);
            }
            catch (Exception e) when (ReadSource.IsUnreachable(e) || e is NpgsqlException)
            {
                reads.SetUsable(false, $"the replica or the primary did not answer the check ({e.Message})");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The replica check failed");
                reads.SetUsable(false, "the replica check failed");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<(bool Usable, string Why)> CheckAsync(CancellationToken cancellationToken)
    {
        await using var position = primary.CreateCommand("select pg_current_wal_insert_lsn()::text");
        var written = (string)(await position.ExecuteScalarAsync(cancellationToken))!;
        await using var check = replica.DataSource.CreateCommand(
            """
            select pg_is_in_recovery(),
                   coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false),
                   coalesce(extract(epoch from now() - pg_last_xact_replay_timestamp()), 0)::float8
            """);
        check.Parameters.Add(new NpgsqlParameter { Value = written });
        await using var reader = await check.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        if (!reader.GetBoolean(0)) return (false, "the read-only connection is not a standby");
        if (reader.GetBoolean(1)) return (true, "caught up");
        var lag = reader.GetDouble(2);
        return lag <= options.Value.MaxLagSeconds
            ? (true, $"{lag:F1} s behind")
            : (false, $"the replica is {lag:F1} s behind (ReadReplica:MaxLagSeconds {options.Value.MaxLagSeconds})");
    }
}
