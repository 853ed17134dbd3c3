using DossierTracker.Simulator.Sending;

namespace DossierTracker.Simulator.Tests.Sending;

public class IngestKeysTests
{
    private const string HoaBinh = "000.00.00.H33";
    private const string PhuTho = "000.00.00.H43";

    [Fact]
    public void the_keys_file_of_ops_up_pairs_each_ingest_key_with_its_province()
    {
        var file = Path.GetTempFileName();
        File.WriteAllLines(file, [
            "# DossierTracker demo API keys",
            $"DEMO_PROVINCE={HoaBinh}", $"DEMO_SUCCESSOR_PROVINCE={PhuTho}",
            "DEMO_ADMIN_KEY=admin", "DEMO_INGEST_KEY=hoa-binh", "DEMO_SUCCESSOR_INGEST_KEY=phu-tho",
        ]);
        var keys = IngestKeys.Load(null, file, DemoTraffic.Province.Units);

        keys.Key(keys.IndexFor("000.09.32.H33")).ShouldBe("hoa-binh"); // a commune of Cao Phong
        keys.Key(keys.IndexFor("000.05.00.H43")).ShouldBe("phu-tho");
        keys.Count.ShouldBe(2);
    }

    [Fact]
    public void sim_keys_take_precedence_over_the_file() =>
        IngestKeys.Load($"{HoaBinh}=one, {PhuTho}=two", "no-such-file", DemoTraffic.Province.Units)
            .Key(1).ShouldBe("two");

    [Fact]
    public void a_unit_no_key_covers_is_refused_by_name()
    {
        var keys = IngestKeys.Load($"{HoaBinh}=one", "no-such-file", DemoTraffic.Province.Units);
        Should.Throw<SimulatorException>(() => keys.IndexFor("000.05.00.H43")).Message.ShouldContain("000.05.00.H43");
    }

    [Theory]
    [InlineData("000.00.00.H33")]
    [InlineData("=key")]
    [InlineData("NOT.A.UNIT=key")]
    public void malformed_sim_keys_are_refused(string simKeys) =>
        Should.Throw<SimulatorException>(() => IngestKeys.Load(simKeys, "no-such-file", DemoTraffic.Province.Units));

    [Fact]
    public void without_sim_keys_a_missing_file_is_explained() =>
        Should.Throw<SimulatorException>(() => IngestKeys.Load(null, "no-such-file", DemoTraffic.Province.Units)).Message.ShouldContain("ops/up");
}
