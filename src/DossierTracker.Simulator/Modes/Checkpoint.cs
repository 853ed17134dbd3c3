using System.Text.Json;
using DossierTracker.Calendar;

namespace DossierTracker.Simulator.Modes;

/// <summary>
/// How far a run got, so that the next live run continues the same traffic: every event of the dossiers received
/// from <see cref="ReceivedFrom"/> on that was due to be sent by <see cref="SentUpTo"/> has been sent and answered.
/// </summary>
public sealed record Checkpoint(int Seed, double Scale, DateTimeOffset ReceivedFrom, DateTimeOffset SentUpTo)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Checkpoint? Read(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            var checkpoint = JsonSerializer.Deserialize<Checkpoint>(File.ReadAllText(path), Json);
            return checkpoint is { ReceivedFrom.Ticks: > 0, SentUpTo.Ticks: > 0 }
                ? checkpoint
                : throw new SimulatorException($"The checkpoint {path} is incomplete; delete it to start afresh.");
        }
        catch (JsonException e)
        {
            throw new SimulatorException($"The checkpoint {path} is not valid ({e.Message}); delete it to start afresh.");
        }
    }

    /// <summary>Written whole or not at all: a process stopped while writing leaves the previous checkpoint.</summary>
    public void Write(string path)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(
            this with { ReceivedFrom = VietnamTime.ToLocal(ReceivedFrom), SentUpTo = VietnamTime.ToLocal(SentUpTo) }, Json));
        File.Move(temporary, path, overwrite: true);
    }
}
