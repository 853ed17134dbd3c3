using System.Text.Json.Nodes;
using DossierTracker.Api.Tests.Infrastructure;
using Npgsql;

namespace DossierTracker.Api.Tests.Ingesting;

/// <summary>
/// Concurrent single posts share commits (group commit): each is answered, and stored, exactly as the same posts sent
/// one after the other to a fresh store.
/// </summary>
public sealed class GroupCommitTests(TrackerApp app) : ApiScenario(app)
{
    private const int Dossiers = 12;

    [Fact]
    public async Task concurrent_posts_are_answered_and_stored_as_the_same_posts_sent_one_by_one()
    {
        var concurrent = await RunAsync(async posts => await Task.WhenAll(posts.OrderBy(_ => Random.Shared.Next()).Select(post => post())));
        await InitializeAsync();
        var sequential = await RunAsync(async posts =>
        {
            var outcomes = new List<string>();
            foreach (var post in posts) outcomes.Add(await post());
            return outcomes.ToArray();
        });

        concurrent.Answers.ShouldBe(sequential.Answers);
        concurrent.Stored.ShouldBe(sequential.Stored);
    }

    /// <summary>Waves of posts; within a wave every answer is the same whatever the order of arrival.</summary>
    private async Task<(List<string> Answers, List<string> Stored)> RunAsync(Func<List<Func<Task<string>>>, Task<string[]>> send)
    {
        var districtKey = await App.CreateKeyAsync(Api.Security.Roles.Ingest, TestProvince.DistrictA);
        List<(object Body, string Key)>[] waves =
        [
            [
                .. Enumerable.Range(0, Dossiers).SelectMany(i => Twice(Received($"G-{i}"))),
                .. Enumerable.Range(0, 4).SelectMany(i => new[]
                {
                    (Received($"G-C{i}"), IngestKey),
                    (Received($"G-C{i}", occurredAt: "2022-08-01T09:20:00+07:00"), IngestKey),
                }),
                .. Enumerable.Range(0, 4).Select(i => (Event("processing", $"G-NEVER-{i}", "2022-08-01T10:00:00+07:00"), IngestKey)),
                .. Enumerable.Range(0, 4).Select(i => (Event("processing", $"G-BAD-{i}", "not a date"), IngestKey)),
                .. Enumerable.Range(0, 4).Select(i => ((object)Received($"G-OUT-{i}", unitCode: TestProvince.CommuneB1), districtKey)),
                .. Enumerable.Range(0, 4).Select(i => ((object)Received($"G-IN-{i}", unitCode: TestProvince.CommuneA1), districtKey)),
            ],
            [
                .. Enumerable.Range(0, Dossiers).SelectMany(i => Enumerable.Range(0, 3).SelectMany(n =>
                    Twice(Event("processing", $"G-{i}", $"2022-08-01T1{n}:00:00+07:00", fields: [("handler", $"officer-{n}")])))),
                .. Enumerable.Range(0, Dossiers).Select(i => (Event("processing", $"G-{i}", "2022-07-01T10:00:00+07:00"), IngestKey)),
            ],
            [.. Enumerable.Range(0, Dossiers / 2).SelectMany(i => Twice(Event("resolved", $"G-{i}", "2022-08-02T10:00:00+07:00")))],
            [.. Enumerable.Range(0, Dossiers).Select(i => (Event("processing", $"G-{i}", "2022-08-03T10:00:00+07:00"), IngestKey))],
        ];

        var answers = new List<string>();
        foreach (var wave in waves)
            answers.AddRange(await send([.. wave.Select(post => (Func<Task<string>>)(() => AnswerAsync(post.Body, post.Key)))]));
        answers.Sort(StringComparer.Ordinal);
        return (answers, await StoredAsync());
    }

    private IEnumerable<(object Body, string Key)> Twice(object body) => [(body, IngestKey), (body, IngestKey)];

    /// <summary>The event id with the status and problem type: the version depends on arrival order, the answer must not.</summary>
    private async Task<string> AnswerAsync(object body, string key)
    {
        using var response = await PostEventAsync(body, key);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        var eventId = ((Dictionary<string, object?>)body)["eventId"];
        return $"{eventId} {(int)response.StatusCode} {json["type"]?.GetValue<string>()} {json["duplicate"]?.GetValue<bool>()}";
    }

    /// <summary>Streams, read model rows and ledger entries, one line each.</summary>
    private async Task<List<string>> StoredAsync()
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            select 'stream ' || s.id || ' v' || s.version || ' events ' || (select count(*) from tracker.mt_events e where e.stream_id = s.id)
                || ' read model v' || coalesce(d.version::text, 'none')
              from tracker.mt_streams s full join tracker.dossiers d on d.code = s.id where coalesce(s.id, d.code) not like '$%'
            union all select 'ledger ' || event_id || ' ' || dossier_code from tracker.ingested_events
            union all select 'event ' || (data->>'eventId') from tracker.mt_events where stream_id not like '$%'
            """, connection);
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
