using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.ReadModel;
using DossierTracker.Api.ReadModel.Rebuilding;
using DossierTracker.Api.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DossierTracker.Api.Tests.ReadModel;

/// <summary>
/// The online rebuild of the read model: its tables equal what the inline projection wrote, the service answers and
/// ingests throughout, and the events that arrive during the rebuild are in the result.
/// </summary>
public sealed class OnlineRebuildTests(TrackerApp app) : ApiScenario(app)
{
    [Fact]
    public async Task rebuilt_tables_equal_what_the_inline_projection_wrote()
    {
        await PostTrafficAsync();
        var inline = await ReadModelAsync();
        inline.Dossiers.Count.ShouldBeGreaterThan(100, "the generated traffic should fill the read model");
        inline.Phases.Count.ShouldBeGreaterThan(inline.Dossiers.Count, "paused dossiers should have several periods");

        await RebuildAsync();

        var rebuilt = await ReadModelAsync();
        rebuilt.Dossiers.ShouldBe(inline.Dossiers);
        rebuilt.Phases.ShouldBe(inline.Phases);
    }

    [Fact]
    public async Task reads_answer_during_a_rebuild_and_events_posted_meanwhile_are_in_the_result()
    {
        await PostTrafficAsync();
        var lateBefore = await LateListAsync();
        ReadModelState? inlineAtTheEnd = null;

        await RebuildAsync(async stage =>
        {
            var late = await LateListAsync();
            switch (stage)
            {
                case RebuildStage.Folded:
                    late.ShouldBe(lateBefore, "the late list read while the rebuild holds every event in memory");
                    // After the first high-water mark: caught up by the rounds before the switch.
                    await PostOkAsync(Received("RB-DURING-1"));
                    await PostOkAsync(Received("RB-DURING-2", channel: "direct"));
                    break;
                case RebuildStage.CaughtUp:
                    // After the last round's mark: caught up under the lock, in the switch's transaction.
                    await PostOkAsync(Event("paused", "RB-DURING-1", "2022-08-02T10:00:00+07:00", fields: ("reason", "supplement")));
                    await PostOkAsync(Received("RB-DURING-3"));
                    inlineAtTheEnd = await ReadModelAsync();
                    break;
            }
        });

        var rebuilt = await ReadModelAsync();
        rebuilt.Dossiers.Count(row => row.Contains("RB-DURING-", StringComparison.Ordinal)).ShouldBe(3);
        rebuilt.Dossiers.ShouldBe(inlineAtTheEnd!.Dossiers);
        rebuilt.Phases.ShouldBe(inlineAtTheEnd.Phases);
    }

    [Fact]
    public async Task a_dossier_whose_rows_were_copied_before_it_changed_is_rewritten_by_the_catch_up()
    {
        await PostTrafficAsync();
        await PostOkAsync(Received("RB-CHANGED"));
        ReadModelState? inlineAtTheEnd = null;

        await RebuildAsync(async stage =>
        {
            if (stage != RebuildStage.Folded) return;
            // Its stream ended at the mark, so its rows went into the COPY while the rest was still being read.
            await PostOkAsync(Event("paused", "RB-CHANGED", "2022-08-02T10:00:00+07:00", fields: ("reason", "supplement")));
            inlineAtTheEnd = await ReadModelAsync();
        });

        var rebuilt = await ReadModelAsync();
        (await ScalarAsync($"select status from {TrackerTables.Dossiers} where code = 'RB-CHANGED'")).ShouldBe("paused");
        rebuilt.ShouldBe(inlineAtTheEnd);
    }

    [Fact]
    public async Task a_rebuild_equals_a_fresh_rebuild_and_ingestion_goes_on_into_the_new_tables()
    {
        await PostTrafficAsync();
        await RebuildAsync(async stage =>
        {
            if (stage == RebuildStage.Loaded) await PostOkAsync(Received("RB-AFTER-1"));
        });
        await PostOkAsync(Event("paused", "RB-AFTER-1", "2022-08-02T10:00:00+07:00", fields: ("reason", "payment")));
        (await GetDossierAsync("RB-AFTER-1"))["status"]!.GetValue<string>().ShouldBe("paused");
        var afterFirst = await ReadModelAsync();

        await RebuildAsync();

        var fresh = await ReadModelAsync();
        fresh.Dossiers.ShouldBe(afterFirst.Dossiers);
        fresh.Phases.ShouldBe(afterFirst.Phases);
    }

    [Fact]
    public async Task after_a_rebuild_the_schema_is_what_db_apply_expects()
    {
        await PostTrafficAsync();
        await RebuildAsync();

        // The read model's tables only: Weasel always sees a difference in the audit trail's trigger function, whatever the rebuild does.
        var migration = await App.Store.Storage.Database.CreateMigrationAsync();
        migration.Deltas
            .Where(d => d.SchemaObject is Weasel.Postgresql.Tables.Table table && TrackerTables.All().Any(t => t.Identifier.Equals(table.Identifier)))
            .Select(d => (d.SchemaObject.Identifier.QualifiedName, d.Difference))
            .Where(d => d.Difference != Weasel.Core.SchemaPatchDifference.None)
            .ShouldBeEmpty();
    }

    [Fact]
    public async Task a_rebuild_that_fails_leaves_the_live_read_model_and_no_beside_tables()
    {
        await PostTrafficAsync();
        var before = await ReadModelAsync();

        await Should.ThrowAsync<InvalidOperationException>(() => RebuildAsync(stage =>
            stage == RebuildStage.Loaded ? throw new InvalidOperationException("crash while loaded") : Task.CompletedTask));

        (await ReadModelAsync()).ShouldBe(before);
        (await ScalarAsync("select count(*) from pg_tables where schemaname = 'tracker' and tablename like '%\\_rebuild'")).ShouldBe(0L);
        await RebuildAsync();
        (await ReadModelAsync()).ShouldBe(before);
    }

    private async Task PostTrafficAsync()
    {
        foreach (var chunk in GeneratedTraffic.Interleaved(GeneratedTraffic.Dossiers(150, seed: 17), seed: 3).Chunk(250))
        {
            var response = await SendAsync(HttpMethod.Post, "/api/events/batch", new { events = chunk }, IngestKey);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            (await response.Content.ReadFromJsonAsync<JsonObject>())!["results"]!.AsArray()
                .Where(r => r!["status"]!.GetValue<string>() != "created").ShouldBeEmpty();
        }
    }

    private Task RebuildAsync(Func<RebuildStage, Task>? reached = null) =>
        new OnlineRebuild(App.Host.Services.GetRequiredService<NpgsqlDataSource>(), App.Store, App.Host.Services.GetRequiredService<IWorkingCalendarSource>()).RunAsync(RebuildProgress.Silent(), reached);

    private async Task<string> LateListAsync()
    {
        var response = await GetAsync($"/api/dossiers/late?state=all&unit={TestProvince.Province}&pageSize=500");
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return body;
    }

    /// <summary>Every column of every row of both tables, as PostgreSQL prints the rows, in a stable order.</summary>
    private async Task<ReadModelState> ReadModelAsync() => new(
        await RowsAsync($"select d::text from {TrackerTables.Dossiers} d order by code"),
        await RowsAsync($"select p::text from {TrackerTables.DossierPhases} p order by 1"));

    private async Task<List<string>> RowsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private sealed record ReadModelState(List<string> Dossiers, List<string> Phases)
    {
        public bool Equals(ReadModelState? other) => other is not null && Dossiers.SequenceEqual(other.Dossiers) && Phases.SequenceEqual(other.Phases);

        public override int GetHashCode() => Dossiers.Count;
    }
}
