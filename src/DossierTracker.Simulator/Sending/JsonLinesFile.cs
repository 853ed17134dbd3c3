using System.Text.Json;
using DossierTracker.Simulator.Traffic;

namespace DossierTracker.Simulator.Sending;

/// <summary>
/// Writes the events as JSON lines, one <c>POST /api/events</c> body per line in the order they would be sent, for the
/// tracker's <c>import</c> command: a province's history loaded in bulk instead of through the API.
/// </summary>
public sealed class JsonLinesFile : IEventSink
{
    private readonly FileStream _file;
    private readonly Utf8JsonWriter _json;
    private readonly SendTally _tally;

    public JsonLinesFile(string path, SendTally tally)
    {
        try
        {
            _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 1 << 20);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SimulatorException($"Cannot write {path}: {e.Message}");
        }
        _json = new Utf8JsonWriter(_file, EventWire.WriterOptions);
        _tally = tally;
    }

    public ValueTask EnqueueAsync(SimulatedEvent e)
    {
        EventWire.Write(_json, e.Submission);
        _json.Flush();
        _json.Reset();
        _file.WriteByte((byte)'\n');
        _tally.Written(e);
        return ValueTask.CompletedTask;
    }

    public async Task FlushAsync() => await _file.FlushAsync();

    public async ValueTask DisposeAsync()
    {
        await _json.DisposeAsync();
        await _file.DisposeAsync();
    }
}
