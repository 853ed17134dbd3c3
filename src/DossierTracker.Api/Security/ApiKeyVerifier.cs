namespace DossierTracker.Api.Security;

/// <summary>The outcome of checking a presented key: the key, a refusal, or a wait imposed on the caller's address.</summary>
public sealed record KeyVerification(ApiKey? Key, TimeSpan? RetryAfter)
{
    public static readonly KeyVerification Refused = new(null, null);
}

/// <summary>
/// The one place a presented key is checked, for the API and the dashboard's sign-in alike. Nothing per key is
/// touched before the key is proven: an address that keeps failing is stopped first, a failure counts against the
/// address (never against the key id it named), and only keys that exist are cached.
/// </summary>
public sealed class ApiKeyVerifier(ApiKeyRegistry registry, AuthenticationFailures failures, ApiKeyUsage usage)
{
    public async Task<KeyVerification> VerifyAsync(string? presented, HttpContext http)
    {
        if (failures.WaitBeforeTrying(http) is { } wait) return new KeyVerification(null, wait);
        if (ApiKeySecret.TryParse(presented, out var id, out var secret))
        {
            var key = await registry.FindAsync(id, http.RequestAborted);
            if (key is not null && !key.IsRevoked && ApiKeySecret.Matches(key, secret))
            {
                await usage.RecordAsync(key.Id, http.RequestAborted);
                return new KeyVerification(key, null);
            }
        }
        failures.Record(http);
        return KeyVerification.Refused;
    }
}
