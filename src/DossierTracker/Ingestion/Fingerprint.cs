using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DossierTracker.Ingestion;

/// <summary>
/// Content identity of a submission for idempotency: field by field, timestamps as instants, null equal to absent.
/// Submissions carry UTC instants, and nulls are left out, so serialising is a canonical form.
/// </summary>
public static class Fingerprint
{
    private static readonly JsonSerializerOptions Canonical = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static byte[] Of(EventSubmission submission)
    {
        var utf8 = JsonSerializer.SerializeToUtf8Bytes(submission, submission.GetType(), Canonical);
        return SHA256.HashData(utf8);
    }
}
