using System.Text.Json.Serialization;

namespace DossierTracker.Api.Accounts;

/// <summary>
/// A person who signs in to the dashboard. The id is the username in lower case, so usernames are unique whatever
/// their case. Stored as a Marten document with optimistic concurrency: every change is a read, a new copy and a write
/// that fails when someone else wrote in between (<see cref="AccountRegistry.UpdateAsync"/> then tries again), so two
/// failed sign-ins at the same moment on two nodes both count.
/// <para>
/// <see cref="SecurityStamp"/> changes whenever what a session may do changes (disabled, role, unit, password, second
/// factor): a session carries the stamp it was opened with and ends at its next request once they differ. An account
/// signed in only through single sign-on has no <see cref="PasswordHash"/>.
/// </para>
/// </summary>
public sealed record Account
{
    public required string Id { get; init; }
    /// <summary>As the administrator typed it; sign-in accepts it in any case.</summary>
    public required string Username { get; init; }
    public required string FullName { get; init; }
    public required string Email { get; init; }
    public required string Role { get; init; }
    public required string UnitCode { get; init; }
    public bool Disabled { get; init; }
    /// <summary>ASP.NET Core Identity's PBKDF2 format (<see cref="Microsoft.AspNetCore.Identity.PasswordHasher{TUser}"/>).</summary>
    public string? PasswordHash { get; init; }
    /// <summary>Failures since the last success or lockout.</summary>
    public int FailedAttempts { get; init; }
    public DateTimeOffset? LockedUntil { get; init; }
    public TotpFactor? Totp { get; init; }
    /// <summary>The single sign-on provider's name for this person, set when single sign-on created the account.</summary>
    public ExternalLogin? ExternalLogin { get; init; }
    /// <summary>Set when an administrator set the password (a reset): the owner replaces it before using the dashboard.</summary>
    public bool MustChangePassword { get; init; }
    public required string SecurityStamp { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    public static string IdOf(string username) => username.Trim().ToLowerInvariant();

    public static string NewSecurityStamp() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;

    // Computed, so not stored: a stored copy could only go stale (Marten's System.Text.Json serializer honours the attribute).
    [JsonIgnore]
    public bool RequiresCode => Totp is { Confirmed: true };

    [JsonIgnore]
    public AccountProfile Profile => new(Username, FullName, Email, Role, UnitCode);

    /// <summary>A copy whose sessions, opened before, end at their next request.</summary>
    public Account WithNewStamp() => this with { SecurityStamp = NewSecurityStamp() };
}

/// <summary>
/// A TOTP second factor (RFC 6238, 30-second steps, 6 digits). The secret is kept encrypted with the data-protection key
/// ring; <see cref="LastUsedStep"/> is the time step of the last code accepted, so no code is accepted twice.
/// </summary>
public sealed record TotpFactor(string ProtectedSecret, bool Confirmed, long LastUsedStep);

/// <summary>
/// Who an OpenID Connect provider says the person is: its issuer and the subject it gives them, which (unlike a name or
/// an email) the provider never reassigns to someone else.
/// </summary>
public sealed record ExternalLogin(string Issuer, string Subject);

/// <summary>
/// What an administrator (the command line today, the admin area and single sign-on later) sets on an account.
/// </summary>
public sealed record AccountProfile(string Username, string FullName, string Email, string Role, string UnitCode);
