namespace DossierTracker.Api.Accounts;

/// <summary>
/// What a new password must be: at least <see cref="MinimumLength"/> characters (length is what makes a password hard to
/// guess; NIST SP 800-63B asks no mix of character kinds, which mostly yields "Password1!"), at most
/// <see cref="MaximumLength"/> (hashing a megabyte is a denial of service), not the username nor containing it, and not
/// one of the passwords every guessing list starts with.
/// </summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;

    /// <summary>Compared without case and ignoring spaces; the first entries of the public leaked-password lists, and local favourites.</summary>
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "123456789012", "1234567890123", "12345678901234", "123456123456", "111111111111", "000000000000",
        "123123123123", "qwertyuiopas", "qwerty123456", "1q2w3e4r5t6y", "1qaz2wsx3edc", "password1234", "password123!",
        "passwordpassword", "iloveyou1234", "abc123456789", "abcdefghijkl", "letmein12345", "welcome12345",
        "administrator", "admin1234567", "admin@123456", "changeme1234", "matkhau12345", "matkhaumoi123",
        "vietnam12345", "vietnam123456", "hanoi1234567", "anhyeuem1234", "motcua123456", "dossiertracker",
    };

    public static IReadOnlyList<AccountProblem> Check(string? password, string username)
    {
        const string field = "password";
        if (string.IsNullOrEmpty(password)) return [new(field, "required", "is required")];
        if (password.Length < MinimumLength) return [new(field, "too-short", $"must have at least {MinimumLength} characters")];
        if (password.Length > MaximumLength) return [new(field, "too-long", $"must have at most {MaximumLength} characters")];
        var problems = new List<AccountProblem>();
        if (username.Length > 0 && password.Contains(username.Trim(), StringComparison.OrdinalIgnoreCase))
            problems.Add(new(field, "contains-username", "must not contain the username"));
        if (Common.Contains(password.Replace(" ", "")) || password.Distinct().Count() <= 2)
            problems.Add(new(field, "too-common", "is too common; choose a longer phrase of your own"));
        return problems;
    }

    /// <summary>Letters and digits nobody misreads when copying from a screen (no 0/o, 1/l/i).</summary>
    private const string Readable = "abcdefghjkmnpqrstuvwxyz23456789";

    /// <summary>
    /// A password for an administrator to hand over: four groups of five readable characters (about 99 bits), which
    /// <see cref="Check"/> accepts for any username.
    /// </summary>
    public static string Generate(string username)
    {
        while (true)
        {
            var groups = Enumerable.Range(0, 4).Select(_ => System.Security.Cryptography.RandomNumberGenerator.GetString(Readable, 5));
            var password = string.Join('-', groups);
            if (Check(password, username).Count == 0) return password;
        }
    }
}
