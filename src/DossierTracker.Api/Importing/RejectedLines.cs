using System.Text.Json;
using DossierTracker.Api.Http;
using Microsoft.AspNetCore.Mvc;

namespace DossierTracker.Api.Importing;

/// <summary>
/// The side file of refused lines (<c>F.rejected.jsonl</c> beside <c>F.jsonl</c>): one JSON object per line with the
/// line number, the event as it was in the file and the problem the API would have answered. A chunk's lines are
/// written before its transaction commits and the checkpoint keeps the file's length, so a resumed run cuts off the
/// lines of a chunk that never committed and writes them again.
/// </summary>
public sealed class RejectedLines : IDisposable
{
    private readonly FileStream _file;
    /// <summary>Written to since the last flush (most chunks reject nothing, and need no fsync).</summary>
    private bool _unflushed;

    public RejectedLines(string path, long committedLength)
    {
        Path = path;
        _file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read);
        Reset(committedLength);
    }

    public string Path { get; }
    public long Length => _file.Length;

    public static string PathFor(string importPath) =>
        System.IO.Path.ChangeExtension(importPath, null) + ".rejected.jsonl";

    /// <summary>Forgets what was written after <paramref name="length"/> (a chunk that did not commit).</summary>
    public void Reset(long length)
    {
        _file.SetLength(Math.Min(length, _file.Length));
        _file.Position = _file.Length;
    }

    public void Write(long line, byte[] original, ProblemDetails problem)
    {
        using (var json = new Utf8JsonWriter(_file))
        {
            json.WriteStartObject();
            json.WriteNumber("line", line);
            json.WritePropertyName("event");
            json.WriteRawValue(original, skipInputValidation: true);
            json.WritePropertyName("problem");
            JsonSerializer.Serialize(json, (object)problem, ApiJson.Options);
            json.WriteEndObject();
        }
        _file.WriteByte((byte)'\n');
        _unflushed = true;
    }

    /// <summary>On disk before the chunk commits: a checkpoint never counts lines the side file lost.</summary>
    public void Flush()
    {
        if (!_unflushed) return;
        _file.Flush(flushToDisk: true);
        _unflushed = false;
    }

    public void Dispose() => _file.Dispose();
}
