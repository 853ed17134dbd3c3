using DossierTracker.Api.ReadModel;
using Npgsql;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace DossierTracker.Api.Security;

/// <summary>
/// One token bucket per API key in PostgreSQL, shared by every node: a key's budget is the same behind a balancer
/// with one node or ten. Nodes take tokens in small leases (<see cref="SharedTokenBucket"/>), so the database sees a
/// round trip per lease rather than per request.
/// </summary>
public sealed class SharedTokenBuckets(NpgsqlDataSource dataSource, ILogger<SharedTokenBuckets> logger)
{
    public const string Name = TrackerTables.Schema + ".rate_limit_buckets";

    public static Table Table()
    {
        var table = new Table(new PostgresqlObjectName(TrackerTables.Schema, "rate_limit_buckets", SchemaUtils.IdentifierUsage.General));
        table.AddColumn<string>("partition").AsPrimaryKey();
        table.AddColumn<double>("tokens").NotNull();
        table.AddColumn("refilled_at", "timestamptz").NotNull();
        // What the last lease took: the statement returns it (RETURNING sees only the new row).
        table.AddColumn<int>("granted").NotNull();
        return table;
    }

    /// <summary>
    /// Refills the bucket for the time since its last refill (the database's clock, the same for every node), then
    /// takes up to <paramref name="wanted"/> whole tokens. A missing bucket starts full. One statement under the row's
    /// lock, so two nodes leasing at once never take the same token.
    /// </summary>
    /// <returns>The tokens granted (0 when empty), or null when the database does not answer: the caller lets the
    /// request through rather than refuse every caller while the request's own work would fail or succeed anyway.</returns>
    public async Task<int?> LeaseAsync(string partition, int wanted, double perSecond, int burst, CancellationToken cancellationToken)
    {
        // In SET, every expression sees the row as it was; the statement's own time is used, and never moves backwards
        // when a statement that started earlier got the row's lock later.
        const string available = "least($3, b.tokens + $4 * greatest(0, extract(epoch from statement_timestamp() - b.refilled_at)))";
        const string granted = $"greatest(0, least($2, floor({available})))";
        try
        {
            await using var command = dataSource.CreateCommand(
                $"""
                insert into {Name} as b (partition, tokens, refilled_at, granted)
                values ($1, $3 - least($2, $3), statement_timestamp(), least($2, $3))
                on conflict (partition) do update set
                    tokens = {available} - {granted},
                    granted = {granted},
                    refilled_at = greatest(b.refilled_at, statement_timestamp())
                returning granted
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = partition });
            command.Parameters.Add(new NpgsqlParameter { Value = wanted });
            command.Parameters.Add(new NpgsqlParameter { Value = burst });
            command.Parameters.Add(new NpgsqlParameter { Value = perSecond });
            return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            logger.LogWarning(e, "Rate limit bucket {Partition} could not be read; letting the request through", partition);
            return null;
        }
    }
}
