namespace DossierTracker.Api.Security;

/// <summary>A stored API key: only the SHA-256 of its secret is kept; the key itself is shown once, at creation.</summary>
public sealed record ApiKey(
    string Id,
    byte[] SecretHash,
    string Role,
    string UnitCode,
    string Name,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt = null)
{
    public bool IsRevoked => RevokedAt is not null;
}
