using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace DossierTracker.Api.Notifications.Webhooks;

/// <summary>
/// A webhook's signing secret: 32 random bytes, shown once at registration. The tracker must keep the secret itself
/// (not a hash, as for API keys) because it signs with it; it is stored encrypted with the data-protection key ring that
/// lives in PostgreSQL (<c>Security/DataProtectionKeys.cs</c>), so a copy of the webhooks table alone reveals no
/// secret, and every node can sign. Retired ring keys still decrypt, so secrets outlive key rotation.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("DossierTracker.Webhooks.Secret");

    public static string Generate() => "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
