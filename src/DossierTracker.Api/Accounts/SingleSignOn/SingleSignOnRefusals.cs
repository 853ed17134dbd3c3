namespace DossierTracker.Api.Accounts.SingleSignOn;

/// <summary>Why single sign-on opened no session: stable codes, shown translated on the sign-in page and stored in the audit trail.</summary>
public static class SingleSignOnRefusals
{
    /// <summary>The provider answered with an error, or the answer did not check out (state, nonce, signature).</summary>
    public const string Failed = "failed";
    public const string NoRole = "no-role";
    public const string AmbiguousRole = "ambiguous-role";
    public const string NoUnit = "no-unit";
    public const string AmbiguousUnit = "ambiguous-unit";
    public const string UnknownUnit = "unknown-unit";
    /// <summary>The provider's name, email or username is not one an account may have.</summary>
    public const string InvalidProfile = "invalid-profile";
    /// <summary>A password account already has the username: single sign-on never takes over an account it did not create.</summary>
    public const string UsernameTaken = "username-taken";
    public const string Disabled = "disabled";

    public static readonly IReadOnlyList<string> All = [Failed, NoRole, AmbiguousRole, NoUnit, AmbiguousUnit, UnknownUnit, InvalidProfile, UsernameTaken, Disabled];
}
