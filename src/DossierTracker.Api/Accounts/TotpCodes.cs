using DossierTracker.Calendar;
using Microsoft.AspNetCore.DataProtection;
using OtpNet;

namespace DossierTracker.Api.Accounts;

/// <summary>
/// TOTP secrets and codes (Otp.NET): a new secret of 160 bits, its otpauth:// address for authenticator apps, and the
/// check of a code against the current time step and one step either side (RFC 6238's allowance for clock drift).
/// Secrets are stored encrypted with the data-protection key ring. Time is the <see cref="TrackerClock"/>, the clock
/// tests move; in service it is the system clock.
/// </summary>
public sealed class TotpCodes(IDataProtectionProvider protection, TrackerClock clock)
{
    public const string Issuer = "DossierTracker";

    private readonly IDataProtector _protector = protection.CreateProtector("DossierTracker.Accounts.Totp");

    /// <summary>An unconfirmed factor, and its secret in Base32 to show once.</summary>
    public (TotpFactor Factor, string Secret) NewFactor()
    {
        var secret = Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));
        return (new TotpFactor(_protector.Protect(secret), Confirmed: false, LastUsedStep: 0), secret);
    }

    public static string UriFor(string secret, string username) => new OtpUri(OtpType.Totp, secret, username, Issuer).ToString();

    /// <summary>The time step the code belongs to; null when it is no current code of this factor.</summary>
    public long? StepOf(TotpFactor factor, string? code)
    {
        var digits = code?.Replace(" ", "") ?? "";
        if (digits.Length != 6 || !digits.All(char.IsAsciiDigit)) return null;
        var totp = new Totp(Base32Encoding.ToBytes(_protector.Unprotect(factor.ProtectedSecret)));
        return totp.VerifyTotp(clock.Now.UtcDateTime, digits, out var step, VerificationWindow.RfcSpecifiedNetworkDelay) ? step : null;
    }
}
