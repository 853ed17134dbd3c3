using DossierTracker.Api.Audit;
using DossierTracker.Api.Tests.Infrastructure;
using Npgsql;

namespace DossierTracker.Api.Tests.Audit;

/// <summary>Nothing in the trail is ever rewritten: the database itself refuses UPDATE and DELETE of its rows.</summary>
public sealed class AppendOnlyTests(TrackerApp app) : AuditScenario(app)
{
    [Theory]
    [InlineData($"update {AuditTable.Name} set reason = 'rewritten'")]
    [InlineData($"delete from {AuditTable.Name}")]
    public async Task the_database_refuses_to_rewrite_entries(string statement)
    {
        var before = await EntriesAsync("pageSize=500");
        before.ShouldNotBeEmpty();
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();

        var refused = await Should.ThrowAsync<PostgresException>(async () =>
        {
            await using var command = new NpgsqlCommand(statement, connection);
            await command.ExecuteNonQueryAsync();
        });

        refused.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        (await EntriesAsync("pageSize=500")).Select(e => e.ToJsonString()).ShouldBe(before.Select(e => e.ToJsonString()));
    }
}
