using DossierTracker.Calendar;
using DossierTracker.Simulator.Cli;
using DossierTracker.Simulator.ReferenceData;
using DossierTracker.Simulator.Sending;
using DossierTracker.Simulator.Traffic;

namespace DossierTracker.Simulator.Modes;

/// <summary>What both modes need: the traffic generator and a sender with its keys and tally.</summary>
public sealed class Session : IAsyncDisposable
{
    // A backfill gives up after about two minutes of a tracker that does not answer; live mode waits for it.
    private const int BackfillAttempts = 10;
    private readonly HttpClient _http;
    private readonly DemoProvince _province;

    private Session(SimulatorOptions options, DemoProvince province, IngestKeys keys, TextWriter log, CancellationToken stop)
    {
        Options = options;
        _province = province;
        // The tracker's default calendar: due times sent are the ones it would compute itself.
        Generator = new TrafficGenerator(province, new WorkingCalendar(OfficeHours.Default, new HolidayCalendar()), options.Seed, options.Scale);
        Keys = keys;
        _http = TrackerClient.CreateHttp(options.Url);
        var attempts = options.Mode == Mode.Live ? int.MaxValue : BackfillAttempts;
        Sender = new BatchSender(new TrackerClient(_http, log, attempts), keys, Tally, options.Concurrency, stop);
    }

    public SimulatorOptions Options { get; }
    public TrafficGenerator Generator { get; }
    public IngestKeys Keys { get; }
    public SendTally Tally { get; } = new();
    public BatchSender Sender { get; }

    public static Session Open(SimulatorOptions options, TextWriter log, CancellationToken stop)
    {
        var province = DemoProvince.Load(options.UnitsFile, options.ProceduresFile);
        var keys = IngestKeys.Load(Environment.GetEnvironmentVariable("SIM_KEYS"), options.KeysFile, province.Units);
        return new Session(options, province, keys, log, stop);
    }

    /// <summary>Fails before sending anything when a province whose units receive dossiers in the period has no key.</summary>
    public void RequireKeysFor(DateOnly from, DateOnly? to)
    {
        foreach (var root in _province.Units.Roots.Where(r => r.IsValidDuring(from, to ?? DateOnly.MaxValue)))
            Keys.IndexFor(root.Code);
    }

    public async ValueTask DisposeAsync()
    {
        await Sender.DisposeAsync();
        _http.Dispose();
    }
}
