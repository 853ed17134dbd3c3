using DossierTracker.Simulator.Modes;

namespace DossierTracker.Simulator.Tests.Cli;

public class CheckpointTests
{
    [Fact]
    public void a_checkpoint_reads_back_the_same_instants()
    {
        var path = Path.Combine(Path.GetTempPath(), $"checkpoint-{Guid.NewGuid():N}.json");
        var written = new Checkpoint(42, 0.15, new DateTimeOffset(2026, 8, 27, 17, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 26, 19, 1, 4, TimeSpan.Zero));
        written.Write(path);
        Checkpoint.Read(path).ShouldBe(written);
    }

    [Fact]
    public void no_file_is_no_checkpoint() => Checkpoint.Read(Path.Combine(Path.GetTempPath(), "no-such-checkpoint.json")).ShouldBeNull();

    [Theory]
    [InlineData("{ not json")]
    [InlineData("""{ "seed": 42, "scale": 0.15, "from": "2026-08-28", "sentUpTo": "2026-11-27T02:01:04+07:00" }""")] // no receivedFrom
    public void a_damaged_checkpoint_is_refused_with_the_way_out(string content)
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, content);
        Should.Throw<SimulatorException>(() => Checkpoint.Read(path)).Message.ShouldContain("delete it");
    }
}
