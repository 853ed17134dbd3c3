using System.Text.RegularExpressions;
using DossierTracker.Api.Security;
using DossierTracker.Organisation;

namespace DossierTracker.Api.Accounts;

/// <summary>What every way of creating or changing an account checks, so the command line and forms answer alike.</summary>
public static partial class AccountRules
{
    /// <summary>The roles an account may hold; <c>ingest</c> is for machines, which use keys.</summary>
    public static readonly IReadOnlyList<string> Roles = [Security.Roles.Supervisor, Security.Roles.Admin];

    public static IReadOnlyList<AccountProblem> Check(AccountProfile profile, OrganisationTree units)
    {
        var problems = new List<AccountProblem>();
        if (!Username().IsMatch(profile.Username))
            problems.Add(new("username", "invalid", "must be 3 to 64 letters (a-z), digits, '.', '-' or '_', starting with a letter or digit"));
        if (string.IsNullOrWhiteSpace(profile.FullName) || profile.FullName.Length > 200)
            problems.Add(new("name", "invalid", "is required (at most 200 characters)"));
        if (string.IsNullOrWhiteSpace(profile.Email) || profile.Email.Length > 254 || !Email().IsMatch(profile.Email))
            problems.Add(new("email", "invalid", "must be an email address"));
        if (!Roles.Contains(profile.Role))
            problems.Add(new("role", "invalid", $"must be one of: {string.Join(", ", Roles)}"));
        if (string.IsNullOrWhiteSpace(profile.UnitCode) || units.Find(profile.UnitCode) is null)
            problems.Add(new("unit", "unknown-unit", $"'{profile.UnitCode}' is not in the organisation tree"));
        return problems;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$")]
    private static partial Regex Username();

    /// <summary>One @, something on each side, a dot in the domain, no spaces: enough to catch typing mistakes.</summary>
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();
}
