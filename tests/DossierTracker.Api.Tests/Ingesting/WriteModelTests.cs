using System.Text.Json;
using DossierTracker.Api.ReadModel;
using DossierTracker.Api.Tests.Infrastructure;
using DossierTracker.Dossiers;
using Marten;
using Npgsql;

namespace DossierTracker.Api.Tests.Ingesting;

/// <summary>
/// The write side decides from the snapshot the inline projection writes in each event's transaction (README, "Write
/// side"); each event is folded once, by the decider. The snapshot must therefore be exactly the fold of the stream.
/// </summary>
public sealed class WriteModelTests(TrackerApp app) : ApiScenario(app)
{
    [Fact]
    public async Task the_snapshot_decisions_read_is_the_fold_of_the_dossiers_event_stream_after_every_event()
    {
        const string code = "W-1";
        object[] events =
        [
            Received(code),
            Event("processing", code, "2022-08-01T10:00:00+07:00", fields: [("handler", "officer-1")]),
            Event("paused", code, "2022-08-02T09:00:00+07:00", fields: [("reason", "supplement")]),
            Event("resumed", code, "2022-08-04T08:00:00+07:00"),
            Event("paused", code, "2022-08-05T09:00:00+07:00", fields: [("reason", "supplement")]),
            Event("resumed", code, "2022-08-08T08:00:00+07:00"),
            Event("resolved", code, "2022-08-09T15:00:00+07:00"),
        ];
        foreach (var @event in events)
        {
            await PostOkAsync(@event);
            (await SnapshotAsync(code)).ShouldBe(await FoldedStreamAsync(code));
        }
    }

    private async Task<string> FoldedStreamAsync(string code)
    {
        await using var session = App.Store.QuerySession();
        var stream = await session.Events.FetchStreamAsync(code);
        var dossier = Dossier.Start(code, (DossierReceived)stream[0].Data);
        foreach (var @event in stream.Skip(1)) dossier = dossier.Apply((IDossierEvent)@event.Data);
        return JsonSerializer.Serialize(dossier, StateJson.Options);
    }

    private async Task<string> SnapshotAsync(string code)
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select state::text from {TrackerTables.Dossiers} where code = $1", connection)
            { Parameters = { new() { Value = code } } };
        var json = (string)(await command.ExecuteScalarAsync())!;
        return JsonSerializer.Serialize(DossierReadModelProjection.Deserialize(json), StateJson.Options);
    }
}
