using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.Tests.Infrastructure;
using Npgsql;

namespace DossierTracker.Api.Tests.Ingesting;

/// <summary>Decisions come from the dossier's event stream; the read model only reflects it.</summary>
public sealed class WriteModelTests(TrackerApp app) : ApiScenario(app)
{
    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task a_read_model_row_tampered_with_in_sql_changes_no_decision_and_is_rewritten_from_the_stream()
    {
        await PostOkAsync(Received("W-1"));
        // The row now claims the dossier was resolved (closed) and is at version 7: neither is in the stream.
        await ExecuteAsync("""
            update tracker.dossiers
            set status = 'resolved', closed_at = received_at, completed_at = received_at, version = 7,
                state = state || jsonb_build_object('status', 'Resolved', 'closedAt', received_at, 'completedAt', received_at, 'version', 7)
            where code = 'W-1'
            """);

        var response = await PostEventAsync(Event("processing", "W-1", "2022-08-01T10:00:00+07:00", fields: [("handler", "officer-1")]));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["version"]!.GetValue<int>().ShouldBe(2);
        var dossier = await GetDossierAsync("W-1");
        dossier["status"]!.GetValue<string>().ShouldBe("processing");
        dossier["closedAt"].ShouldBeNull();
    }
}
