using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DossierTracker.Api.Notifications.Webhooks;

/// <summary>
/// How a delivery is signed: HMAC-SHA256, keyed with the webhook's secret (its UTF-8 bytes), over
/// <c>"&lt;timestamp&gt;.&lt;body&gt;"</c>, where the timestamp is the Unix time in seconds sent in
/// <c>X-DossierTracker-Timestamp</c>; the signature goes in <c>X-DossierTracker-Signature: sha256=&lt;lowercase hex&gt;</c>.
/// Signing the timestamp with the body lets a receiver refuse a replayed request by its age.
/// </summary>
public static class WebhookSignature
{
    public const string TimestampHeader = "X-DossierTracker-Timestamp";
    public const string SignatureHeader = "X-DossierTracker-Signature";
    public const string Scheme = "sha256=";
    /// <summary>The window a receiver should accept a timestamp in, either side of its own clock.</summary>
    public static readonly TimeSpan ReplayWindow = TimeSpan.FromMinutes(5);

    public static string Timestamp(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public static string Sign(string secret, string timestamp, string body) =>
        Scheme + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
}
