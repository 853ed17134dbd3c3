using System.Security.Cryptography;
using System.Text;

namespace DossierTracker.Api.Security;

/// <summary>
/// Key format <c>dtk_{id}_{secret}</c>: the id (48 random bits) finds the stored key, the secret (256 random bits)
/// proves possession. Secrets this long need no slow hash; comparison is constant-time.
/// </summary>
public static class ApiKeySecret
{
    private const string Prefix = "dtk_";

    public static (string Id, string Key, byte[] SecretHash) Generate()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (id, $"{Prefix}{id}_{secret}", Hash(secret));
    }

    public static bool TryParse(string? key, out string id, out string secret)
    {
        id = secret = "";
        if (key is null || !key.StartsWith(Prefix, StringComparison.Ordinal) || key.Length > 200) return false;
        var rest = key.AsSpan(Prefix.Length);
        var separator = rest.IndexOf('_');
        if (separator <= 0 || separator == rest.Length - 1) return false;
        id = rest[..separator].ToString();
        secret = rest[(separator + 1)..].ToString();
        return true;
    }

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public static bool Matches(ApiKey stored, string secret) =>
        CryptographicOperations.FixedTimeEquals(stored.SecretHash, Hash(secret));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
