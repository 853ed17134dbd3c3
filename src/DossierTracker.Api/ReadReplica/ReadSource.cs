using Npgsql;

namespace DossierTracker.Api.ReadReplica;

/// <summary>
/// Where reads run: on the streaming replica (<c>ConnectionStrings:MartenReadOnly</c>) while it is reachable and not
/// further behind than <see cref="ReadReplicaOptions.MaxLagSeconds"/> (<see cref="ReplicaMonitor"/>), else on the
/// primary. A read the replica fails to answer for want of a connection is run again on the primary at once, so the
/// caller sees the same answer, only later. Without a replica every read runs on the primary.
/// </summary>
public sealed class ReadSource(NpgsqlDataSource primary, ReplicaDataSource? replica, ILogger<ReadSource> logger)
{
    private volatile bool _replicaUsable;

    public bool HasReplica => replica is not null;

    /// <summary>A read that may lag by up to the configured lag: reports, lists, exports, the dashboard.</summary>
    public Task<T> ReadAsync<T>(Func<NpgsqlDataSource, Task<T>> read) =>
        replica is not null && _replicaUsable ? OnReplicaAsync(read, replica.DataSource) : read(primary);

    /// <summary>
    /// A read that must see everything committed before it began (the dossier view: a client reads its own write).
    /// The replica is used only when it has replayed the primary's WAL insert position taken now, which is at or after
    /// the commit record of every write acknowledged so far (even with synchronous_commit off, when the write position
    /// may still lag the acknowledged commit); otherwise the primary answers.
    /// </summary>
    public async Task<T> ReadCurrentAsync<T>(Func<NpgsqlDataSource, Task<T>> read, CancellationToken cancellationToken)
    {
        if (replica is null || !_replicaUsable) return await read(primary);
        await using var position = primary.CreateCommand("select pg_current_wal_insert_lsn()::text");
        var written = (string)(await position.ExecuteScalarAsync(cancellationToken))!;
        try
        {
            await using var replayed = replica.DataSource.CreateCommand("select pg_last_wal_replay_lsn() >= $1::pg_lsn");
            replayed.Parameters.Add(new NpgsqlParameter { Value = written });
            if (await replayed.ExecuteScalarAsync(cancellationToken) is not true) return await read(primary);
        }
        catch (Exception e) when (IsUnreachable(e))
        {
            MarkUnusable(e);
            return await read(primary);
        }
        return await OnReplicaAsync(read, replica.DataSource);
    }

    /// <summary>Set by the monitor after each check.</summary>
    internal void SetUsable(bool usable, string why)
    {
        if (_replicaUsable == usable) return;
        _replicaUsable = usable;
        if (usable) logger.LogInformation("Reads go to the replica again ({Why})", why);
        else logger.LogWarning("Reads go to the primary: {Why}", why);
    }

    private async Task<T> OnReplicaAsync<T>(Func<NpgsqlDataSource, Task<T>> read, NpgsqlDataSource onReplica)
    {
        try
        {
            return await read(onReplica);
        }
        catch (Exception e) when (IsUnreachable(e))
        {
            MarkUnusable(e);
            return await read(primary);
        }
    }

    private void MarkUnusable(Exception e) => SetUsable(false, $"the replica did not answer ({e.GetType().Name}: {e.Message})");

    /// <summary>
    /// No connection, or one lost: not an error of the query itself, which the primary would repeat. Looked for down the
    /// chain of inner exceptions, since Marten wraps Npgsql's; and a session on a connection that broke (a dossier's
    /// stream read on the replica while it stops) ends in Marten's retry finding it broken, which Marten reports as
    /// <see cref="Marten.Exceptions.SessionTransactionUnusableException"/> without the original failure.
    /// </summary>
    internal static bool IsUnreachable(Exception e) =>
        e is NpgsqlException { InnerException: System.Net.Sockets.SocketException or IOException or TimeoutException }
            or NpgsqlException { IsTransient: true }
            or PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.CrashShutdown }
            or Marten.Exceptions.SessionTransactionUnusableException
        || e.InnerException is { } inner && IsUnreachable(inner);
}

/// <summary>The replica's pool, kept apart from the primary's (a type of its own, so it is never injected by mistake).</summary>
public sealed record ReplicaDataSource(NpgsqlDataSource DataSource);
