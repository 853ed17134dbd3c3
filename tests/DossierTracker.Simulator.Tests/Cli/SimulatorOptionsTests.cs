using DossierTracker.Simulator.Cli;

namespace DossierTracker.Simulator.Tests.Cli;

public class SimulatorOptionsTests
{
    [Fact]
    public void defaults_match_the_demo_set_up_by_ops_up()
    {
        var options = SimulatorOptions.Parse(["backfill"])!;
        options.ShouldBe(new SimulatorOptions(Mode.Backfill, new Uri("http://127.0.0.1:5080/"), 42, 1.0, null, null, 1.0,
            ".data/demo-keys.env", "ops/demo/units-hoa-binh.json", "ops/demo/procedures.json", null, 4));
    }

    [Fact]
    public void every_option_is_read()
    {
        var options = SimulatorOptions.Parse(["live", "--url", "http://tracker:8080", "--seed", "7", "--scale", "0.15", "--from", "2026-11-01",
            "--speed", "60", "--concurrency", "2", "--keys-file", "k.env", "--units", "u.json", "--procedures", "p.json", "--checkpoint", "c.json"])!;
        options.ShouldBe(new SimulatorOptions(Mode.Live, new Uri("http://tracker:8080/"), 7, 0.15, new DateOnly(2026, 11, 1), null, 60,
            "k.env", "u.json", "p.json", "c.json", 2));
    }

    [Fact]
    public void several_provinces_are_asked_with_provinces()
    {
        SimulatorOptions.Parse(["backfill", "--provinces", "34", "--out", "x.jsonl"])!.Provinces.ShouldBe(34);
        SimulatorOptions.Parse(["units", "--provinces", "5", "--out", "units.json"])!.ShouldSatisfyAllConditions(
            o => o.Mode.ShouldBe(Mode.Units), o => o.Provinces.ShouldBe(5), o => o.OutFile.ShouldBe("units.json"));
    }

    [Fact]
    public void help_is_asked_with_help() => SimulatorOptions.Parse(["backfill", "--help"]).ShouldBeNull();

    [Theory]
    [InlineData(new string[0], "Name a mode")]
    [InlineData(new[] { "replay" }, "Unknown mode 'replay'")]
    [InlineData(new[] { "backfill", "--sed", "1" }, "Unknown option '--sed'")]
    [InlineData(new[] { "backfill", "--seed" }, "--seed needs a value")]
    [InlineData(new[] { "backfill", "--seed", "1.5" }, "--seed must be a whole number")]
    [InlineData(new[] { "backfill", "--scale", "0" }, "--scale must be between")]
    [InlineData(new[] { "backfill", "--scale", "a lot" }, "--scale must be a number")]
    [InlineData(new[] { "backfill", "--from", "01/03/2025" }, "--from must be a date YYYY-MM-DD")]
    [InlineData(new[] { "backfill", "--from", "2025-03-02", "--to", "2025-03-01" }, "--to is before --from")]
    [InlineData(new[] { "backfill", "--speed", "10" }, "--speed is for live mode")]
    [InlineData(new[] { "live", "--to", "2025-03-01" }, "--to is for backfill")]
    [InlineData(new[] { "live", "--url", "ftp://x" }, "--url must be an http(s) URL")]
    [InlineData(new[] { "live", "--concurrency", "64" }, "--concurrency must be between 1 and 16")]
    [InlineData(new[] { "live", "--seed", "1", "--seed", "2" }, "--seed is given twice")]
    [InlineData(new[] { "backfill", "--provinces", "0" }, "--provinces must be between 1 and 63")]
    [InlineData(new[] { "backfill", "--provinces", "64" }, "--provinces must be between 1 and 63")]
    [InlineData(new[] { "units", "--provinces", "3" }, "units mode needs --out")]
    [InlineData(new[] { "units", "--out", "u.json", "--seed", "3" }, "--seed is not for units mode")]
    public void a_bad_command_line_is_refused_with_the_reason(string[] args, string reason) =>
        Should.Throw<OptionsException>(() => SimulatorOptions.Parse(args)).Message.ShouldContain(reason);
}
