using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;
using DossierTracker.Ingestion;

namespace DossierTracker.Api.Http;

/// <summary>
/// Reads a JSON request body ourselves, so that every failure (wrong media type, too large, malformed) becomes our own
/// problem details, with positions but no framework internals. The size limit holds under any server. A body that is
/// not UTF-8 is not JSON text and is refused whole; a string that escapes a lone surrogate is refused naming its path,
/// except inside the items of <c>itemsProperty</c>, which their endpoint judges one by one.
/// </summary>
public static class JsonBody
{
    public const int MaxBytes = 1024 * 1024;

    public static async Task<(JsonDocument? Document, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken,
        string? itemsProperty = null)
    {
        if (!IsJson(request.ContentType))
            return (null, Problems.Result(ProblemCatalogue.UnsupportedMediaType, "Send the body as application/json (UTF-8)."));
        if (request.ContentLength > MaxBytes)
            return (null, Problems.Result(ProblemCatalogue.PayloadTooLarge, "The request body exceeds the limit of 1 MiB."));

        var buffer = new ArrayBufferWriter<byte>(4096);
        var stream = request.Body;
        while (true)
        {
            var memory = buffer.GetMemory(16 * 1024);
            var read = await stream.ReadAsync(memory, cancellationToken);
            if (read == 0) break;
            buffer.Advance(read);
            if (buffer.WrittenCount > MaxBytes)
                return (null, Problems.Result(ProblemCatalogue.PayloadTooLarge, "The request body exceeds the limit of 1 MiB."));
        }

        if (buffer.WrittenCount == 0)
            return (null, Problems.Result(ProblemCatalogue.MalformedJson, "The request body is empty."));
        if (!Utf8.IsValid(buffer.WrittenSpan))
            return (null, Problems.Result(ProblemCatalogue.MalformedJson,
                $"The request body is not valid UTF-8 (byte {FirstInvalidUtf8(buffer.WrittenSpan) + 1}); JSON text must be UTF-8."));
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.WrittenMemory, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            return (null, Problems.Result(ProblemCatalogue.MalformedJson,
                $"The request body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})."));
        }

        var invalid = itemsProperty is null
            ? JsonUnicode.FindInvalid(document.RootElement)
            : JsonUnicode.FindInvalidOutsideItems(document.RootElement, itemsProperty);
        if (invalid is null) return (document, null);
        document.Dispose();
        return (null, Problems.Validation(new Dictionary<string, string[]> { [invalid] = [JsonUnicode.ErrorAt(invalid)] }));
    }

    /// <summary>Reads the body and hands its root to <paramref name="handle"/>; a body refused is answered with its problem.</summary>
    public static async Task<IResult> HandleAsync(HttpRequest request, Func<JsonElement, Task<IResult>> handle, CancellationToken cancellationToken,
        string? itemsProperty = null)
    {
        var (document, problem) = await ReadAsync(request, cancellationToken, itemsProperty);
        if (problem is not null) return problem;
        using (document) return await handle(document!.RootElement);
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        Utf8.ToUtf16(bytes, new char[bytes.Length], out var read, out _, replaceInvalidSequences: false);
        return read;
    }

    private static bool IsJson(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType)) return false;
        var mediaType = contentType.Split(';')[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }
}
