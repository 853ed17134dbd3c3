using System.Collections.Concurrent;
using System.Diagnostics;
using DossierTracker.Api.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace DossierTracker.Api.Tests.Importing;

/// <summary>
/// The import command killed (SIGKILL) in the middle of a file and run again continues after its last committed chunk:
/// the store, the ledger, the read model and the side file of rejected lines end as after an uninterrupted import.
/// </summary>
[Collection(TrackerCollection.Name)]
public sealed class ImportResumeTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("import-resume-").FullName;

    [Fact]
    public async Task a_killed_import_resumed_gives_the_store_of_an_uninterrupted_one()
    {
        var events = GeneratedTraffic.Interleaved(GeneratedTraffic.Dossiers(400, seed: 23), seed: 23).Cast<object>().ToList();
        events.Insert(100, new { eventId = "INVALID-1", type = "received", dossierCode = "INVALID-1" });
        events.Insert(700, events[300]);
        events.Add(new { eventId = "UNKNOWN-1-processing", type = "processing", dossierCode = "UNKNOWN-1", occurredAt = "2022-06-01T09:00:00+07:00" });
        var whole = Path.Combine(_directory, "whole.jsonl");
        var interrupted = Path.Combine(_directory, "interrupted.jsonl");
        ImportDatabase.WriteLines(whole, events);
        File.Copy(whole, interrupted);

        Dictionary<string, List<string>> expected;
        await using (var once = await ImportDatabase.CreateAsync("import_once", new FakeTimeProvider(TrackerApp.DefaultNow)))
        {
            await once.ImportAsync(whole, chunkSize: 5);
            expected = await once.SnapshotAsync(withoutRecordingTimes: true);
        }

        await using var resumed = await ImportDatabase.CreateAsync("import_resumed", new FakeTimeProvider(TrackerApp.DefaultNow));
        var killedAt = await ImportAndKillAsync(resumed, interrupted, killAfterLine: events.Count / 3);
        killedAt.ShouldBeInRange(1, events.Count - 1, "the import should have been killed part-way");
        output.WriteLine($"Killed with lines up to {killedAt} of {events.Count} committed");

        var report = await resumed.ImportAsync(interrupted, chunkSize: 5);

        report.ResumedAfterLine.ShouldBeGreaterThanOrEqualTo(killedAt);
        report.Totals.Line.ShouldBe(events.Count);
        var actual = await resumed.SnapshotAsync(withoutRecordingTimes: true);
        foreach (var table in expected.Keys) actual[table].ShouldBe(expected[table], $"{table} should be equal");
        File.ReadAllLines(Path.ChangeExtension(interrupted, null) + ".rejected.jsonl")
            .ShouldBe(File.ReadAllLines(Path.ChangeExtension(whole, null) + ".rejected.jsonl"));
    }

    /// <summary>Runs the command as its own process and kills it once a checkpoint past the given line is committed.</summary>
    private async Task<long> ImportAndKillAsync(ImportDatabase database, string file, int killAfterLine)
    {
        var assembly = TrackerProcess.ApiAssembly();
        var start = new ProcessStartInfo("dotnet", [assembly, "import", "--file", file, "--unit", TestProvince.Province, "--chunk", "5"])
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__Marten"] = database.ConnectionString;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var lines = new ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lines.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lines.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!process.HasExited && DateTime.UtcNow < deadline)
        {
            if (await CommittedLineAsync(database) >= killAfterLine) break;
            await Task.Delay(10);
        }
        var exitedByItself = process.HasExited;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        if (exitedByItself) output.WriteLine(string.Join(Environment.NewLine, lines));
        exitedByItself.ShouldBeFalse("the import should still have been running when killed");
        return await CommittedLineAsync(database);
    }

    private static async Task<long> CommittedLineAsync(ImportDatabase database) =>
        await database.ScalarAsync("select coalesce(max(line), 0) from tracker.import_checkpoints");

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
