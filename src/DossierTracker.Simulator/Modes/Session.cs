using DossierTracker.Calendar;
using DossierTracker.Simulator.Cli;
using DossierTracker.Simulator.ReferenceData;
using DossierTracker.Simulator.Sending;
using DossierTracker.Simulator.Traffic;

namespace DossierTracker.Simulator.Modes;

/// <summary>What both modes need: the traffic generator and where its events go (a sender with its keys, or a file), with the tally.</summary>
public sealed class Session : IAsyncDisposable
{
    // A backfill gives up after about two minutes of a tracker that does not answer; live mode waits for it.
    private const int BackfillAttempts = 10;
    private readonly HttpClient? _http;
    private readonly DemoProvince _province;
    private readonly IngestKeys? _keys;
    private readonly BatchSender? _sender;

    private Session(SimulatorOptions options, DemoProvince province, IngestKeys? keys, TextWriter log, CancellationToken stop)
    {
        Options = options;
        _province = province;
        // The tracker's default calendar: due times sent are the ones it would compute itself.
        Generator = new TrafficGenerator(province, new WorkingCalendar(OfficeHours.Default, new HolidayCalendar()), options.Seed, options.Scale);
        if (options.OutFile is { } path)
        {
            Sink = new JsonLinesFile(path, Tally);
            return;
        }
        _keys = keys!;
        _http = TrackerClient.CreateHttp(options.Url);
        var attempts = options.Mode == Mode.Live ? int.MaxValue : BackfillAttempts;
        Sink = _sender = new BatchSender(new TrackerClient(_http, log, attempts), _keys, Tally, options.Concurrency, stop);
    }

    public SimulatorOptions Options { get; }
    public TrafficGenerator Generator { get; }
    public SendTally Tally { get; } = new();

    /// <summary>Where the events go: the tracker's batch endpoint, or the file of <c>--out</c>.</summary>
    public IEventSink Sink { get; }

    /// <summary>The sender to the tracker; live mode always has one (<c>--out</c> is for backfills).</summary>
    public BatchSender Sender => _sender ?? throw new InvalidOperationException("This session writes a file; it sends nothing.");

    public static Session Open(SimulatorOptions options, TextWriter log, CancellationToken stop)
    {
        var province = DemoProvince.Load(options.UnitsFile, options.ProceduresFile, options.Provinces);
        // A file needs no keys: the import command judges its events with a scope of its own.
        var keys = options.OutFile is null ? IngestKeys.Load(Environment.GetEnvironmentVariable("SIM_KEYS"), options.KeysFile, province.Units) : null;
        return new Session(options, province, keys, log, stop);
    }

    /// <summary>Fails before sending anything when a province whose units receive dossiers in the period has no key.</summary>
    public void RequireKeysFor(DateOnly from, DateOnly? to)
    {
        if (_keys is null) return;
        foreach (var root in _province.Units.Roots.Where(r => r.IsValidDuring(from, to ?? DateOnly.MaxValue)))
            _keys.IndexFor(root.Code);
    }

    public async ValueTask DisposeAsync()
    {
        await Sink.DisposeAsync();
        _http?.Dispose();
    }
}
