namespace DossierTracker.Api.Accounts.SingleSignOn;

/// <summary>The role and scope unit the provider grants, or why it grants none.</summary>
public sealed record ClaimedAccess(string? Role, string? UnitCode, string? Refusal)
{
    /// <summary>
    /// The role claim's values that are tracker roles, else the first mapped group's role; the unit claim, else the first
    /// mapped group's unit. Two different roles or units are refused rather than guessed between: a session must never
    /// reach further than the provider meant.
    /// </summary>
    public static ClaimedAccess Of(ProviderIdentity identity, SingleSignOnOptions options)
    {
        var mapped = options.GroupMappings.Where(m => identity.Groups.Contains(m.Group, StringComparer.Ordinal)).ToList();
        var roles = identity.Roles.Where(AccountRules.Roles.Contains).ToList();
        if (roles.Count > 1) return Refused(SingleSignOnRefusals.AmbiguousRole);
        var role = roles.SingleOrDefault() ?? mapped.Select(m => m.Role).FirstOrDefault(r => !string.IsNullOrWhiteSpace(r))?.Trim();
        if (role is null || !AccountRules.Roles.Contains(role)) return Refused(SingleSignOnRefusals.NoRole);
        if (identity.Units.Count > 1) return Refused(SingleSignOnRefusals.AmbiguousUnit);
        var unit = identity.Units.SingleOrDefault() ?? mapped.Select(m => m.Unit).FirstOrDefault(u => !string.IsNullOrWhiteSpace(u))?.Trim();
        return unit is null ? Refused(SingleSignOnRefusals.NoUnit) : new ClaimedAccess(role, unit, null);
    }

    private static ClaimedAccess Refused(string refusal) => new(null, null, refusal);
}
