namespace DossierTracker.Api.Dashboard.Text;

/// <summary>The words of password sign-in, the TOTP step and the account's own pages.</summary>
public sealed partial class DashboardText
{
    public required string UsernameLabel { get; init; }
    public required string PasswordLabel { get; init; }
    public required string SignInMissingPassword { get; init; }
    public required string SignInWrongPassword { get; init; }
    /// <summary>{0} the lockout in minutes.</summary>
    public required string SignInLockedOutFormat { get; init; }
    public required string SignInAccountDisabled { get; init; }
    public required string SignInWithKey { get; init; }
    public required string SignInWithKeyButton { get; init; }
    public required string SignInCodeIntro { get; init; }
    public required string CodeLabel { get; init; }
    public required string CodeButton { get; init; }
    public required string SignInMissingCode { get; init; }
    public required string SignInWrongCode { get; init; }
    public required string SignInCodeExpired { get; init; }

    public required string AccountTitle { get; init; }
    public required string KeySessionHasNoAccount { get; init; }
    public required string FullNameLabel { get; init; }
    public required string EmailLabel { get; init; }
    public required string RoleLabel { get; init; }
    public required string RoleSupervisor { get; init; }
    public required string RoleAdmin { get; init; }
    public required string BackToAccount { get; init; }

    public required string ChangePasswordTitle { get; init; }
    public required string CurrentPasswordLabel { get; init; }
    public required string NewPasswordLabel { get; init; }
    public required string ConfirmPasswordLabel { get; init; }
    /// <summary>{0} the shortest length allowed.</summary>
    public required string PasswordHintFormat { get; init; }
    public required string ChangePasswordButton { get; init; }
    public required string PasswordChanged { get; init; }
    public required string PasswordNotChanged { get; init; }
    public required string PasswordsDiffer { get; init; }
    public required string PasswordRequired { get; init; }
    public required string PasswordWrongCurrent { get; init; }
    /// <summary>{0} the shortest length allowed.</summary>
    public required string PasswordTooShortFormat { get; init; }
    /// <summary>{0} the longest length allowed.</summary>
    public required string PasswordTooLongFormat { get; init; }
    public required string PasswordContainsUsername { get; init; }
    public required string PasswordTooCommon { get; init; }
    public required string PasswordUnchanged { get; init; }

    public required string TwoFactorTitle { get; init; }
    public required string TwoFactorOn { get; init; }
    public required string TwoFactorOff { get; init; }
    public required string TwoFactorIntro { get; init; }
    public required string TwoFactorBeginButton { get; init; }
    public required string TwoFactorSecretIntro { get; init; }
    public required string TwoFactorUriLabel { get; init; }
    public required string TwoFactorSecretLabel { get; init; }
    public required string TwoFactorConfirmButton { get; init; }
    public required string TwoFactorEnabled { get; init; }
    public required string TwoFactorWrongCode { get; init; }

    public string RoleName(string role) => role == Security.Roles.Admin ? RoleAdmin : RoleSupervisor;

    /// <summary>A password problem (<see cref="Accounts.AccountProblem.Code"/>) in this language.</summary>
    public string PasswordProblem(string code) => code switch
    {
        "required" => PasswordRequired,
        "wrong" => PasswordWrongCurrent,
        "too-short" => Format(PasswordTooShortFormat, Accounts.PasswordPolicy.MinimumLength),
        "too-long" => Format(PasswordTooLongFormat, Accounts.PasswordPolicy.MaximumLength),
        "contains-username" => PasswordContainsUsername,
        "too-common" => PasswordTooCommon,
        "unchanged" => PasswordUnchanged,
        _ => SignInAccountDisabled,
    };
}
