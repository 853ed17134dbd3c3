using System.Buffers;
using System.Text.Json;
using DossierTracker.Api.Errors;

namespace DossierTracker.Api.Hosting;

/// <summary>
/// Reads a JSON request body ourselves, so that every failure (wrong media type, too large, malformed) becomes our own
/// problem details, with positions but no framework internals. The size limit holds under any server.
/// </summary>
public static class JsonBody
{
    public const int MaxBytes = 1024 * 1024;

    public static async Task<(JsonDocument? Document, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
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
        try
        {
            return (JsonDocument.Parse(buffer.WrittenMemory, new JsonDocumentOptions { MaxDepth = 32 }), null);
        }
        catch (JsonException e)
        {
            return (null, Problems.Result(ProblemCatalogue.MalformedJson,
                $"The request body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})."));
        }
    }

    private static bool IsJson(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType)) return false;
        var mediaType = contentType.Split(';')[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }
}
