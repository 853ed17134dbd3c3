using System.Globalization;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Dossiers;
using JasperFx.CommandLine;
using Marten;

namespace DossierTracker.Api.Importing;

public sealed class ImportInput : NetCoreInput
{
    [Description("The file: one event per line, each the JSON body of POST /api/events")]
    public string? FileFlag { get; set; }

    [Description("Judge the events as from a key scoped to this unit (its subtree and predecessors); default: no scope")]
    public string? UnitFlag { get; set; }

    [Description("The source recorded on the events: one-stop (default) or dvcqg")]
    public string? SourceFlag { get; set; }

    [Description("Events per transaction (default 2000)")]
    public int ChunkFlag { get; set; } = DefaultChunk;

    public const int DefaultChunk = 2000;
}

[Description("Import a file of events (JSON lines) in large transactions, resumable after a crash", Name = "import")]
public sealed class ImportCommand : JasperFxAsyncCommand<ImportInput>
{
    private static readonly string[] Sources = [EventSources.OneStop, EventSources.NationalPortal];

    public ImportCommand()
    {
        Usage("Import --file F.jsonl [--unit CODE] [--source one-stop|dvcqg] [--chunk N]");
    }

    public override async Task<bool> Execute(ImportInput input)
    {
        if (string.IsNullOrWhiteSpace(input.FileFlag)) return Fail("--file is required: the events, one JSON object per line.");
        if (!File.Exists(input.FileFlag)) return Fail($"{input.FileFlag}: no such file.");
        var source = input.SourceFlag ?? EventSources.OneStop;
        if (!Sources.Contains(source)) return Fail($"--source must be one of: {string.Join(", ", Sources)}.");
        if (input.ChunkFlag is < 1 or > 10_000) return Fail("--chunk must be between 1 and 10000.");

        // The host is built for its services only: nothing is started (no web server, no background work).
        using var host = input.BuildHost();
        await host.Services.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        if (input.UnitFlag is { } unit)
        {
            var snapshot = await host.Services.GetRequiredService<ReferenceDataCache>().RefreshAsync(CancellationToken.None);
            if (!snapshot.Units.Contains(unit)) return Fail($"--unit {unit} is not in the organisation tree; load the units first.");
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        var importer = host.Services.GetRequiredService<EventImporter>();
        var position = new EventImporter.Position();
        try
        {
            ImportReport report;
            await using (new ImportProgress(Console.Error, position))
                report = await importer.RunAsync(new ImportRequest(input.FileFlag, input.UnitFlag, source, input.ChunkFlag), position, stop.Token);
            WriteSummary(input.FileFlag, report);
            return true;
        }
        catch (ImportFileException e)
        {
            return Fail($"{input.FileFlag}: {e.Message} The chunks before it are committed (line {position.Line:N0}).");
        }
        catch (ImportRefusedException e)
        {
            return Fail($"{input.FileFlag}: {e.Message}");
        }
        catch (OperationCanceledException)
        {
            return Fail($"Stopped at line {position.Line:N0}; rerun the same command to continue after it.");
        }
    }

    private static void WriteSummary(string file, ImportReport report)
    {
        var n = CultureInfo.InvariantCulture;
        var totals = report.Totals;
        var lines = new List<(string, string)>
        {
            ("Lines read", totals.Line.ToString("N0", n) + (report.ResumedAfterLine > 0 ? $" (this run continued after line {report.ResumedAfterLine.ToString("N0", n)})" : "")),
            ("Created", totals.Created.ToString("N0", n)),
            ("Duplicates", totals.Duplicates.ToString("N0", n)),
            ("Rejected", report.Rejected.ToString("N0", n)),
        };
        lines.AddRange(totals.Rejected.OrderByDescending(p => p.Value).Select(p => ($"  {p.Key}", p.Value.ToString("N0", n))));
        if (report.Rejected > 0) lines.Add(("Rejected lines in", report.RejectedFile));
        lines.Add(("This run", $"{report.EventsThisRun.ToString("N0", n)} events in {ImportProgress.Duration(report.Elapsed)}, "
            + $"{(report.EventsThisRun / Math.Max(0.001, report.Elapsed.TotalSeconds)).ToString("N0", n)} events/s"));

        if (report.EventsThisRun > 0) lines.Add(("Time in", report.Timings.ToString()));

        Console.WriteLine($"Imported {file}.");
        var width = lines.Max(l => l.Item1.Length) + 2;
        foreach (var (label, value) in lines) Console.WriteLine($"  {(label + ":").PadRight(width)}{value}");
    }

    private static bool Fail(string message)
    {
        Console.Error.WriteLine(message);
        return false;
    }
}
