using System.Net;
using System.Text;
using System.Text.Json;
using DossierTracker.Api.Importing;
using DossierTracker.Api.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace DossierTracker.Api.Tests.Importing;

/// <summary>
/// The import command decides a file's events exactly as the API decides them posted one by one: same store, same
/// ledger, same read model, and the same answers, counted in its report and its side file of rejected lines.
/// </summary>
[Collection(TrackerCollection.Name)]
public sealed class ImportTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("import-tests-").FullName;

    [Fact]
    public async Task import_stores_what_posting_the_events_one_by_one_stores_and_reports_the_same_answers()
    {
        var events = MixedTraffic();
        var file = Path.Combine(_directory, "history.jsonl");
        ImportDatabase.WriteLines(file, events);

        // The same business time for both, so the instants the tracker records are equal too.
        Dictionary<string, List<string>> posted;
        var answers = new Dictionary<string, int>();
        await using (var api = await ImportDatabase.CreateAsync("import_posted", new FakeTimeProvider(TrackerApp.DefaultNow)))
        {
            using var client = api.Host.Server.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", api.IngestKey);
            foreach (var e in events)
            {
                var response = await client.PostAsync("/api/events", new StringContent(JsonSerializer.Serialize(e), Encoding.UTF8, "application/json"));
                var answer = response.StatusCode switch
                {
                    HttpStatusCode.Created => "created",
                    HttpStatusCode.OK => "duplicate",
                    _ => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("type").GetString()!.Split('/')[^1],
                };
                answers[answer] = answers.GetValueOrDefault(answer) + 1;
            }
            posted = await api.SnapshotAsync();
        }

        await using var import = await ImportDatabase.CreateAsync("import_imported", new FakeTimeProvider(TrackerApp.DefaultNow));
        // Small chunks: dossiers cross chunks, so later chunks decide against what earlier ones stored.
        var report = await import.ImportAsync(file, chunkSize: 7);
        var imported = await import.SnapshotAsync();

        foreach (var table in posted.Keys) imported[table].ShouldBe(posted[table], $"{table} should be equal");
        imported["events"].Count.ShouldBeGreaterThan(200);
        report.Totals.Created.ShouldBe(answers["created"]);
        report.Totals.Duplicates.ShouldBe(answers["duplicate"]);
        report.Totals.Rejected.Select(r => $"{r.Key} {r.Value}").Order()
            .ShouldBe(answers.Where(a => a.Key is not ("created" or "duplicate")).Select(a => $"{a.Key} {a.Value}").Order());
        report.Totals.Rejected.Keys.ShouldBe(["validation", "event-id-conflict", "dossier-not-received"], ignoreOrder: true);
    }

    [Fact]
    public async Task rejected_lines_go_to_the_side_file_with_their_line_and_problem()
    {
        var file = Path.Combine(_directory, "few.jsonl");
        ImportDatabase.WriteLines(file, [
            Received("SIDE-1"),
            new { eventId = "SIDE-2-processing", type = "processing", dossierCode = "SIDE-2", occurredAt = "2022-06-01T09:00:00+07:00" },
            Received("SIDE-1"),
            new { eventId = "SIDE-3", type = "received" },
        ]);
        await using var import = await ImportDatabase.CreateAsync("import_side_file", new FakeTimeProvider(TrackerApp.DefaultNow));

        var report = await import.ImportAsync(file, chunkSize: 2);

        (report.Totals.Created, report.Totals.Duplicates, report.Rejected).ShouldBe((1L, 1L, 2L));
        report.RejectedFile.ShouldBe(Path.Combine(_directory, "few.rejected.jsonl"));
        var rejected = File.ReadAllLines(report.RejectedFile).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        rejected.Select(r => r.GetProperty("line").GetInt64()).ShouldBe([2L, 4L]);
        rejected.Select(r => r.GetProperty("problem").GetProperty("type").GetString()!.Split('/')[^1]).ShouldBe(["dossier-not-received", "validation"]);
        rejected[0].GetProperty("event").GetProperty("eventId").GetString().ShouldBe("SIDE-2-processing");
        rejected[1].GetProperty("problem").GetProperty("errors").TryGetProperty("dossierCode", out _).ShouldBeTrue();
    }

    [Theory]
    [InlineData("not json at all", "line 3: not JSON")]
    [InlineData("[1, 2]", "line 3: a JSON array, not an object")]
    [InlineData("{\"eventId\": \"x\", ", "line 3: not JSON")]
    public async Task a_line_that_is_not_a_json_object_stops_the_import_naming_it(string badLine, string expected)
    {
        var file = Path.Combine(_directory, "bad.jsonl");
        ImportDatabase.WriteLines(file, [Received("BAD-1"), Received("BAD-2"), badLine, Received("BAD-3")]);
        await using var import = await ImportDatabase.CreateAsync($"import_bad_file_{badLine.Length}", new FakeTimeProvider(TrackerApp.DefaultNow));

        var error = await Should.ThrowAsync<ImportFileException>(() => import.ImportAsync(file, chunkSize: 1));

        error.Message.ShouldStartWith(expected);
        error.Line.ShouldBe(3);
        (await import.ScalarAsync("select count(*) from tracker.mt_streams")).ShouldBe(2, "the chunks before the bad line are committed");
        (await import.ScalarAsync("select line from tracker.import_checkpoints")).ShouldBe(2);
    }

    /// <summary>Generated lives in random interleaving, with a retry, a reused eventId, an invalid event and an unknown dossier among them.</summary>
    private static List<object> MixedTraffic()
    {
        var events = GeneratedTraffic.Interleaved(GeneratedTraffic.Dossiers(100, seed: 17), seed: 17).Cast<object>().ToList();
        var reused = new Dictionary<string, object?>((Dictionary<string, object?>)events[40]) { ["occurredAt"] = "2022-04-30T08:00:00+07:00" };
        events.Insert(60, events[10]);
        events.Insert(90, reused);
        events.Insert(120, new { eventId = "INVALID-1", type = "received", dossierCode = "INVALID-1" });
        events.Insert(150, new { eventId = "UNKNOWN-1-processing", type = "processing", dossierCode = "UNKNOWN-1", occurredAt = "2022-06-01T09:00:00+07:00" });
        events.Add(events[events.Count / 2]);
        return events;
    }

    private static object Received(string code) => new
    {
        eventId = $"{code}-received", type = "received", dossierCode = code, occurredAt = "2022-06-01T08:00:00+07:00",
        unitCode = TestProvince.Justice, procedureCode = TestProvince.BirthRegistration, channel = "online",
    };

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
