using System.Net.Http.Json;
using System.Text.Json;
using Alba;
using DossierTracker.Api.Importing;
using DossierTracker.Api.Security;
using DossierTracker.Api.Tests.Infrastructure;
using DossierTracker.Dossiers;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DossierTracker.Api.Tests.Importing;

/// <summary>A database of its own with the test province loaded, and the tracker in-process on it.</summary>
public sealed class ImportDatabase : IAsyncDisposable
{
    private ImportDatabase(IAlbaHost host, string connectionString, string ingestKey) =>
        (Host, ConnectionString, IngestKey) = (host, connectionString, ingestKey);

    public IAlbaHost Host { get; }
    public string ConnectionString { get; }
    public string IngestKey { get; }

    public static async Task<ImportDatabase> CreateAsync(string name, TimeProvider clock)
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync(name);
        var host = await TrackerApp.StartHostAsync(connectionString, clock, settings: new Dictionary<string, string> { ["RateLimiting:Enabled"] = "false" });
        var registry = host.Services.GetRequiredService<ApiKeyRegistry>();
        var admin = await registry.CreateAsync(Roles.Admin, TestProvince.Province, "admin", TestAudit.Setup, CancellationToken.None);
        var ingest = await registry.CreateAsync(Roles.Ingest, TestProvince.Province, "ingest", TestAudit.Setup, CancellationToken.None);
        using var client = host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", admin);
        (await client.PutAsJsonAsync("/api/units", TestProvince.Units)).EnsureSuccessStatusCode();
        (await client.PutAsJsonAsync("/api/procedures", TestProvince.Procedures)).EnsureSuccessStatusCode();
        // Unpooled for the test's own reads: a pooled connection would outlive a database dropped and created again.
        return new ImportDatabase(host, new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString, ingest);
    }

    /// <summary>Imports as a key scoped to the test province would post.</summary>
    public Task<ImportReport> ImportAsync(string file, int chunkSize) =>
        Host.Services.GetRequiredService<EventImporter>().RunAsync(
            new ImportRequest(file, TestProvince.Province, EventSources.OneStop, chunkSize), new EventImporter.Position(), CancellationToken.None);

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>
    /// Every row the write side stores (events, streams, ledger, read model), as text in a stable order. With
    /// <paramref name="withoutRecordingTimes"/> the instants that say when the tracker learned something are left out,
    /// for stores written at different times.
    /// </summary>
    public async Task<Dictionary<string, List<string>>> SnapshotAsync(bool withoutRecordingTimes = false)
    {
        var (eventData, ledgerTime, dossier) = withoutRecordingTimes
            ? ("data - 'recordedAt'", "", "to_jsonb(d) - 'due_learned_at' - 'state' || jsonb_build_object('state', d.state - 'dueLearnedAt')")
            : ("data", ", recorded_at", "to_jsonb(d)");
        var queries = new Dictionary<string, string>
        {
            ["events"] = $"select concat_ws(' ', stream_id, version, type, ({eventData})::text) from tracker.mt_events order by stream_id, version",
            ["streams"] = "select concat_ws(' ', id, version, type) from tracker.mt_streams order by id",
            ["ledger"] = $"select concat_ws(' ', event_id, dossier_code, encode(fingerprint, 'hex'), version{ledgerTime}) from tracker.ingested_events order by event_id",
            ["dossiers"] = $"select ({dossier})::text from tracker.dossiers d order by code",
            ["phases"] = "select to_jsonb(p)::text from tracker.dossier_phases p order by code, lower(period)",
        };
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var snapshot = new Dictionary<string, List<string>>();
        foreach (var (table, sql) in queries)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
            snapshot[table] = rows;
        }
        return snapshot;
    }

    public static void WriteLines(string path, IEnumerable<object> events) =>
        File.WriteAllLines(path, events.Select(e => e is string text ? text : JsonSerializer.Serialize(e)));

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}
