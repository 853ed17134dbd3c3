using System.Text;
using System.Text.Json;
using DossierTracker.Calendar;
using DossierTracker.Simulator.Sending;
using DossierTracker.Simulator.Traffic;

namespace DossierTracker.Simulator.Tests.Traffic;

/// <summary>The same seed gives the same traffic, whatever period a run covers and however it is split.</summary>
public class DeterminismTests
{
    private static readonly DateOnly From = new(2025, 3, 1);
    private static readonly DateOnly To = new(2025, 3, 20);

    private static List<string> Wire(TrafficTimeline timeline, DateTimeOffset until)
    {
        var sent = new List<string>();
        while (timeline.TryTake(until, out var e))
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, EventWire.WriterOptions)) EventWire.Write(json, e.Submission);
            sent.Add($"{e.SendAt:O} {Encoding.UTF8.GetString(buffer.ToArray())}");
        }
        return sent;
    }

    private static TrafficTimeline Timeline(int seed, DateOnly from, DateTimeOffset? alreadySentUpTo = null) =>
        new(DemoTraffic.Generator(seed, 0.2), VietnamTime.At(from, TimeOnly.MinValue), To, alreadySentUpTo);

    private static readonly DateTimeOffset End = VietnamTime.At(new DateOnly(2025, 9, 1), TimeOnly.MinValue);

    [Fact]
    public void the_same_seed_sends_the_same_events_in_the_same_order() =>
        Wire(Timeline(42, From), End).ShouldBe(Wire(Timeline(42, From), End));

    [Fact]
    public void another_seed_sends_other_traffic() =>
        Wire(Timeline(43, From), End).Take(100).ShouldNotBe(Wire(Timeline(42, From), End).Take(100));

    [Fact]
    public void a_days_dossiers_do_not_depend_on_the_period_generated()
    {
        var day = new DateOnly(2025, 3, 12);
        var alone = DemoTraffic.Generator().DossiersReceivedOn(day);
        var withOthers = DemoTraffic.Dossiers(DemoTraffic.Generator(), day.AddDays(-3), day).Where(d => d.Code.Contains("-250312-")).ToList();
        withOthers.Select(d => d.Events).ShouldBe(alone.Select(d => d.Events), ignoreOrder: false);
    }

    [Fact]
    public void a_run_continued_from_a_checkpoint_sends_exactly_what_the_first_run_left()
    {
        var cut = VietnamTime.At(new DateOnly(2025, 3, 11), new TimeOnly(10, 17));
        var whole = Wire(Timeline(42, From), End);
        var first = Wire(Timeline(42, From), cut);
        var continued = Wire(Timeline(42, From, alreadySentUpTo: cut), End);
        first.Concat(continued).ShouldBe(whole);
    }
}
