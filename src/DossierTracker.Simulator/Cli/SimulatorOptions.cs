using System.Globalization;
using System.Numerics;

namespace DossierTracker.Simulator.Cli;

public enum Mode { Backfill, Live, Units }

/// <summary>The command line, parsed and checked; anything wrong is an <see cref="OptionsException"/> naming the option.</summary>
public sealed record SimulatorOptions(
    Mode Mode,
    Uri Url,
    int Seed,
    double Scale,
    DateOnly? From,
    DateOnly? To,
    double Speed,
    string KeysFile,
    string UnitsFile,
    string ProceduresFile,
    string? CheckpointFile,
    int Concurrency,
    string? OutFile = null,
    int Provinces = 1)
{
    public const string Usage = """
        Usage: DossierTracker.Simulator backfill|live|units [options]

        Generates the one-stop traffic of the demo province (about 450,000 dossiers a year at scale 1), or of several
        provinces shaped like it (--provinces), and sends it to the tracker through POST /api/events/batch. The same
        seed and scale always give the same dossiers.

          backfill   sends the dossiers received from --from to --to, with every event of theirs that happened before
                     now, as fast as the tracker takes them. Dossiers still open now stay open.
          live       sends new traffic as its time comes, until stopped (Ctrl+C, SIGTERM). With a checkpoint from an
                     earlier run it first catches up and moves on that run's open dossiers.

        Options:
          --url URL               the tracker (default http://127.0.0.1:5080)
          --seed N                the traffic's seed (default 42); one database should get one seed
          --scale X               share of each province's traffic, e.g. 0.15 (default 1.0)
          --provinces N           the demo province and N-1 copies of it, 1-63 (default 1): same shape, codes and
                                  names of their own (000.00.31.H33 is 000.00.31.S0533 in copy 5), traffic of their own
          --from YYYY-MM-DD       backfill: first day (default 90 days ago); live: replay from that day, --speed times
                                  faster than real time until it catches up with now
          units      writes the units of --provinces provinces to --out (the body of PUT /api/units, for the
                     tracker's reference-data load --units PATH); needs no tracker
          --to YYYY-MM-DD         backfill: last day (default today)
          --speed N               live: simulated seconds per real second while behind the clock (default 1)
          --concurrency N         batches in flight at once, 1-16 (default 4)
          --keys-file PATH        ingest keys as ops/up writes them (default .data/demo-keys.env); each X_INGEST_KEY
                                  is scoped to X_PROVINCE. The environment variable SIM_KEYS ("SCOPE=KEY,SCOPE=KEY")
                                  takes precedence. Keys are never options: command lines are visible to all users.
          --units PATH            organisation tree (default ops/demo/units-hoa-binh.json)
          --procedures PATH       procedure catalogue (default ops/demo/procedures.json)
          --checkpoint PATH       where a run records how far it got; live continues from it (ops/up uses
                                  .data/simulator.checkpoint). Backfill writes it only when --to reaches today.
          --out PATH              backfill: write the events to PATH as JSON lines (one POST /api/events body a
                                  line, in send order) instead of sending them, for the tracker's import command
                                  (dotnet DossierTracker.Api.dll import --file PATH); needs no keys and no tracker
          -h, --help              this text

        Exit code: 0 when every event was stored (or answered as an intended duplicate), 1 when some were rejected or
        sending failed, 2 for a bad command line.
        """;

    /// <summary>Null when help was asked for.</summary>
    public static SimulatorOptions? Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0) throw new OptionsException("Name a mode: backfill, live or units.");
        if (args.Any(a => a is "-h" or "--help" or "help")) return null;
        var mode = args[0] switch
        {
            "backfill" => Mode.Backfill,
            "live" => Mode.Live,
            "units" => Mode.Units,
            _ => throw new OptionsException($"Unknown mode '{args[0]}': use backfill, live or units."),
        };

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Count; i++)
        {
            var name = args[i];
            if (!Known.Contains(name)) throw new OptionsException($"Unknown option '{name}'.");
            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal)) throw new OptionsException($"{name} needs a value.");
            if (!values.TryAdd(name, args[++i])) throw new OptionsException($"{name} is given twice.");
        }

        if (mode == Mode.Backfill && values.ContainsKey("--speed")) throw new OptionsException("--speed is for live mode; a backfill goes as fast as the tracker allows.");
        if (mode == Mode.Live && values.ContainsKey("--to")) throw new OptionsException("--to is for backfill; live mode runs until it is stopped.");
        if (mode == Mode.Live && values.ContainsKey("--out")) throw new OptionsException("--out is for backfill; live mode sends to the tracker.");

        if (mode == Mode.Units && values.Keys.Except(["--units", "--provinces", "--out"]).FirstOrDefault() is { } extra)
            throw new OptionsException($"{extra} is not for units mode: it takes --units, --provinces and --out.");
        if (mode == Mode.Units && !values.ContainsKey("--out")) throw new OptionsException("units mode needs --out, the file to write.");

        var from = Date(values, "--from");
        var to = Date(values, "--to");
        if (from is { } f && to is { } t && t < f) throw new OptionsException("--to is before --from.");
        return new SimulatorOptions(
            mode,
            ParseUrl(values.GetValueOrDefault("--url", "http://127.0.0.1:5080")),
            Number(values, "--seed", 42, int.MinValue, int.MaxValue),
            Number(values, "--scale", 1.0, 0.0001, 100),
            from,
            to,
            Number(values, "--speed", 1.0, 0.0001, 1_000_000),
            values.GetValueOrDefault("--keys-file", ".data/demo-keys.env"),
            values.GetValueOrDefault("--units", "ops/demo/units-hoa-binh.json"),
            values.GetValueOrDefault("--procedures", "ops/demo/procedures.json"),
            values.GetValueOrDefault("--checkpoint"),
            Number(values, "--concurrency", 4, 1, 16),
            values.GetValueOrDefault("--out"),
            Number(values, "--provinces", 1, 1, 63));
    }

    private static readonly HashSet<string> Known =
        ["--url", "--seed", "--scale", "--from", "--to", "--speed", "--concurrency", "--keys-file", "--units", "--procedures", "--checkpoint", "--out", "--provinces"];

    private static Uri ParseUrl(string text) =>
        Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw new OptionsException($"--url must be an http(s) URL, not '{text}'.");

    private static DateOnly? Date(Dictionary<string, string> values, string name)
    {
        if (!values.TryGetValue(name, out var text)) return null;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new OptionsException($"{name} must be a date YYYY-MM-DD, not '{text}'.");
    }

    private static T Number<T>(Dictionary<string, string> values, string name, T fallback, T min, T max) where T : struct, INumber<T>
    {
        if (!values.TryGetValue(name, out var text)) return fallback;
        var style = typeof(T) == typeof(int) ? NumberStyles.Integer : NumberStyles.Float;
        if (!T.TryParse(text, style, CultureInfo.InvariantCulture, out var value))
            throw new OptionsException($"{name} must be {(style == NumberStyles.Integer ? "a whole number" : "a number")}, not '{text}'.");
        return value >= min && value <= max ? value : throw new OptionsException($"{name} must be between {min} and {max}, not {text}.");
    }
}

public sealed class OptionsException(string message) : Exception(message);
