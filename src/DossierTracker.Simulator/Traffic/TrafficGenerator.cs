using DossierTracker.Calendar;
using DossierTracker.Dossiers;
using DossierTracker.Simulator.ReferenceData;

namespace DossierTracker.Simulator.Traffic;

/// <summary>
/// The one-stop traffic of the demo province, or of each of its copies, day by day. A day's dossiers, with their whole
/// lives, depend only on the seed, the scale, the province and the day, so any period can be generated on its own and
/// agrees with every other; province 0's traffic is the demo province's whatever the number of copies.
/// </summary>
public sealed class TrafficGenerator
{
    /// <summary>Each province's dossiers a year at scale 1 (domain.md: 336,418 in nine months of 2022).</summary>
    public const double DossiersPerYear = 450_000;

    /// <summary>No dossier's life lasts longer (the slowest land procedure, a long pause, a late result, the return).</summary>
    public static readonly TimeSpan LongestLife = TimeSpan.FromDays(150);

    private const double OnlineShare = 0.7;
    private const double PostalShare = 0.03;

    private readonly WorkingCalendar _calendar;
    private readonly int _seed;
    private readonly string _eventIdPrefix;
    private readonly ArrivalVolume _volume;
    private readonly ArrivalTimes _times;
    private readonly ProcedureMix _procedures;
    private readonly IReadOnlyList<UnitChooser> _provinces;
    private readonly Lifecycle _lifecycle;

    public TrafficGenerator(DemoProvince province, WorkingCalendar calendar, int seed, double scale)
    {
        _calendar = calendar;
        _seed = seed;
        // Event ids carry the seed: traffic of another seed is another one-stop system's, not a retry of this one.
        _eventIdPrefix = $"sim{seed}";
        _volume = new ArrivalVolume(calendar, DossiersPerYear * scale);
        _times = new ArrivalTimes(calendar);
        _procedures = new ProcedureMix(province.Procedures);
        _provinces = province.Provinces.Select(tree => new UnitChooser(tree)).ToList();
        _lifecycle = new Lifecycle(calendar);
    }

    /// <summary>The dossiers received on <paramref name="day"/> (local date) in every province, in order of receipt.</summary>
    public IReadOnlyList<SimulatedDossier> DossiersReceivedOn(DateOnly day)
    {
        if (_provinces.Count == 1) return DossiersReceivedOn(day, 0);
        return Enumerable.Range(0, _provinces.Count).SelectMany(province => DossiersReceivedOn(day, province)).OrderBy(d => d.ReceivedAt).ToList();
    }

    private List<SimulatedDossier> DossiersReceivedOn(DateOnly day, int province)
    {
        var random = new Random(Seeds.ForDay(Seeds.ForProvince(_seed, province), day));
        var expected = _volume.Expected(day) * random.Between(0.92, 1.08);
        var count = (int)expected + (random.Chance(expected - Math.Floor(expected)) ? 1 : 0);
        if (count == 0) return [];

        var units = _provinces[province].On(day);
        var arrivals = new List<Arrival>(count);
        for (var i = 0; i < count; i++)
        {
            var at = _times.Next(day, random);
            var procedure = _procedures.Next(random);
            var unit = units.For(procedure, random);
            arrivals.Add(new Arrival(at, procedure, unit, ChannelAt(at, random), random.Next()));
        }

        // Codes number each unit's dossiers of the day in order of receipt: {unit}-{yyMMdd}-{sequence} (domain.md).
        var sequences = new Dictionary<string, int>(StringComparer.Ordinal);
        var dossiers = new List<SimulatedDossier>(count);
        foreach (var arrival in arrivals.OrderBy(a => a.At))
        {
            var sequence = sequences[arrival.Unit.Code] = sequences.GetValueOrDefault(arrival.Unit.Code) + 1;
            var code = $"{arrival.Unit.Code}-{day:yyMMdd}-{sequence:D4}";
            var life = new Random(arrival.LifeSeed);
            var (plan, events) = _lifecycle.Build(_eventIdPrefix, code, arrival, life);
            dossiers.Add(new SimulatedDossier(code, arrival.Unit, arrival.Procedure, arrival.Channel, plan, Delivery.Schedule(events, arrival.Unit.Code, life)));
        }
        return dossiers;
    }

    /// <summary>Evenings and weekends bring only online dossiers; office hours all three channels.</summary>
    private Channel ChannelAt(DateTimeOffset at, Random random)
    {
        var draw = random.NextDouble();
        if (!_calendar.IsWorkingTime(at) || draw < OnlineShare) return Channel.Online;
        return draw < 1 - PostalShare ? Channel.Direct : Channel.Postal;
    }
}
