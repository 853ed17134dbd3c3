using DossierTracker.LoadBench;

// Load benchmarks against a running tracker; ops/bench/run starts everything and calls this.
var settings = BenchSettings.FromEnvironment();
var command = args.FirstOrDefault() ?? "ingest";
var results = command switch
{
    "ingest" => await new IngestBenchmark(settings).RunAsync(),
    _ => throw new ArgumentException($"Unknown benchmark '{command}'. Known: ingest."),
};

Console.WriteLine(MarkdownTable.Of(results));
