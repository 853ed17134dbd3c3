using DossierTracker.Organisation;

namespace DossierTracker.Api.Security;

/// <summary>One thing wrong with a new key: the field, a stable code the dashboard translates, an English message for the command line.</summary>
public sealed record KeyProblem(string Field, string Code, string Message);

/// <summary>What creating a key checks, so the command line and the admin area refuse alike.</summary>
public static class ApiKeyRules
{
    public const int MaxNameLength = 200;

    public static IReadOnlyList<KeyProblem> Check(string? role, string? unitCode, string? name, OrganisationTree units)
    {
        var problems = new List<KeyProblem>();
        if (role is null || !Roles.All.Contains(role))
            problems.Add(new("role", "invalid", $"must be one of: {string.Join(", ", Roles.All)}"));
        if (string.IsNullOrWhiteSpace(unitCode))
            problems.Add(new("unit", "required", "is required (the key's scope unit code)"));
        else if (units.Find(unitCode) is null)
            problems.Add(new("unit", "unknown-unit", $"'{unitCode}' is not in the organisation tree; load the units first (PUT /api/units)"));
        if (string.IsNullOrWhiteSpace(name))
            problems.Add(new("name", "required", "is required"));
        else if (name.Trim().Length > MaxNameLength || name.Any(char.IsControl))
            problems.Add(new("name", "invalid", $"must be at most {MaxNameLength} characters, without control characters"));
        return problems;
    }
}
