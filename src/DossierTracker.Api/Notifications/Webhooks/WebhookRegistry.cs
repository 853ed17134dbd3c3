using Npgsql;
using NpgsqlTypes;

namespace DossierTracker.Api.Notifications.Webhooks;

/// <summary>Reads the registered webhooks. Few rows (one per receiving system and unit), so they are read whole.</summary>
public sealed class WebhookRegistry(NpgsqlDataSource dataSource)
{
    /// <summary>Every webhook not removed, oldest first.</summary>
    public async Task<IReadOnlyList<Webhook>> ActiveAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"select id, url, unit_code, events, created_at from {WebhookTables.Webhooks} where removed_at is null order by created_at, id");
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<Webhook?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"select id, url, unit_code, events, created_at from {WebhookTables.Webhooks} where id = $1 and removed_at is null");
        command.Parameters.Add(new NpgsqlParameter { Value = id, NpgsqlDbType = NpgsqlDbType.Uuid });
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    private static async Task<IReadOnlyList<Webhook>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var webhooks = new List<Webhook>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            webhooks.Add(new Webhook(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<string[]>(3),
                reader.GetFieldValue<DateTimeOffset>(4)));
        return webhooks;
    }
}
