using System.Text.Json;
using DossierTracker.Api.Ingesting;
using DossierTracker.Ingestion;

namespace DossierTracker.Api.Importing;

/// <summary>A line whose event the parser refused: stored nowhere, reported in the side file with its field errors.</summary>
public sealed record InvalidLine(long Line, byte[] Bytes, Dictionary<string, string[]> Errors);

/// <summary>
/// Consecutive lines of the file, parsed: the events to decide (with their line numbers) and the lines refused by the
/// parser. <see cref="LastLine"/> and <see cref="EndOffset"/> are where the next chunk begins.
/// </summary>
public sealed record ImportChunk(
    IReadOnlyList<(long Line, byte[] Bytes, EventSubmission Submission)> Events,
    IReadOnlyList<InvalidLine> Invalid,
    long LastLine,
    long EndOffset)
{
    /// <summary>Reads up to <paramref name="size"/> events (blank lines skipped); null at the end of the file.</summary>
    /// <exception cref="ImportFileException">A line that is not a JSON object: the file is not an events file.</exception>
    public static ImportChunk? Read(JsonLines lines, int size)
    {
        var events = new List<(long, byte[], EventSubmission)>(size);
        var invalid = new List<InvalidLine>();
        FileLine? last = null;
        while (events.Count + invalid.Count < size && lines.Next() is { } line)
        {
            last = line;
            if (line.Bytes.AsSpan().Trim(" \t"u8).IsEmpty) continue;
            using var document = Parse(line);
            var (submission, errors) = EventParser.Parse(document.RootElement);
            if (submission is null) invalid.Add(new InvalidLine(line.Number, line.Bytes, errors));
            else events.Add((line.Number, line.Bytes, submission));
        }
        return last is null ? null : new ImportChunk(events, invalid, last.Number, last.EndOffset);
    }

    private static JsonDocument Parse(FileLine line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line.Bytes);
        }
        catch (JsonException e)
        {
            throw new ImportFileException(line.Number, $"not JSON ({e.Message}). Each line must be one event, the body of POST /api/events.");
        }
        if (document.RootElement.ValueKind == JsonValueKind.Object) return document;
        var kind = document.RootElement.ValueKind.ToString().ToLowerInvariant();
        document.Dispose();
        throw new ImportFileException(line.Number, $"a JSON {kind}, not an object. Each line must be one event, the body of POST /api/events.");
    }
}
