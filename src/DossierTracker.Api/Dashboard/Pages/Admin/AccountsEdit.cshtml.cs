using DossierTracker.Api.Accounts;
using DossierTracker.Calendar;
using Microsoft.AspNetCore.Mvc;

namespace DossierTracker.Api.Dashboard.Pages.Admin;

/// <summary>
/// One account and what an admin changes on it, one small form each: role and unit, disable or enable, reset the
/// password, turn the second factor off. Every change but the last ends the account's open sessions (a new security
/// stamp), on every node. An account outside the admin's scope is refused whole, and may be moved only to a unit the
/// admin reaches.
/// </summary>
public sealed class AccountsEditModel(AccountRegistry registry, AccountAdministration administration, TrackerClock clock) : AccountsAndKeysPageModel
{
    public const string ProfileForm = "profile", StatusForm = "status", ResetForm = "reset", TotpForm = "totp";

    public override string PageTitle => Text.Format(People.AccountTitleFormat, Account?.Username ?? Username);

    [BindProperty(SupportsGet = true)] public string Username { get; set; } = "";
    /// <summary>What the last change was, for its notice: profile, disabled, enabled, password, totp-off.</summary>
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public string? Unit { get; set; }
    [BindProperty] public string? Password { get; set; }

    public Account? Account { get; private set; }
    public string? GeneratedPassword { get; private set; }
    public DateTimeOffset Now => clock.Now;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostProfileAsync(CancellationToken cancellationToken)
    {
        PostedForm = ProfileForm;
        if (await LoadAsync(cancellationToken) is { } refused) return refused;
        if (Role is null || !AccountRules.Roles.Contains(Role)) AddError("role", People.RoleInvalid);
        CheckUnit("unit", Unit?.Trim());
        var reason = CheckReason();
        if (Errors.Count > 0) return Page();
        var problems = await administration.SetRoleAndUnitAsync(Account!.Id, Role!, Unit!.Trim(), Actor, reason, cancellationToken);
        foreach (var problem in problems) AddError(problem.Field == "role" ? "role" : "unit", problem.Field == "role" ? People.RoleInvalid : People.UnitUnknown);
        return Errors.Count > 0 ? Page() : Changed("profile");
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken)
    {
        PostedForm = StatusForm;
        if (await LoadAsync(cancellationToken) is { } refused) return refused;
        var reason = CheckReason();
        if (Errors.Count > 0) return Page();
        await administration.DisableAsync(Account!.Id, Actor, reason, cancellationToken);
        return Changed("disabled");
    }

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken)
    {
        PostedForm = StatusForm;
        if (await LoadAsync(cancellationToken) is { } refused) return refused;
        var reason = CheckReason();
        if (Errors.Count > 0) return Page();
        await administration.EnableAsync(Account!.Id, Actor, reason, cancellationToken);
        return Changed("enabled");
    }

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken cancellationToken)
    {
        PostedForm = ResetForm;
        if (await LoadAsync(cancellationToken) is { } refused) return refused;
        var reason = CheckReason();
        var generated = string.IsNullOrEmpty(Password) ? PasswordPolicy.Generate(Account!.Username) : null;
        foreach (var problem in PasswordPolicy.Check(generated ?? Password, Account!.Username)) AddError("password", Text.PasswordProblem(problem.Code));
        if (Errors.Count > 0) return Page();
        var problems = await administration.ResetPasswordAsync(Account.Id, generated ?? Password, Actor, reason, cancellationToken);
        foreach (var problem in problems) AddError("password", Text.PasswordProblem(problem.Code));
        if (Errors.Count > 0 || generated is null) return Errors.Count > 0 ? Page() : Changed("password");
        // The generated password is on this answer only: no redirect to a page that could show it again.
        (GeneratedPassword, Done) = (generated, "password");
        return await LoadAsync(cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostTotpOffAsync(CancellationToken cancellationToken)
    {
        PostedForm = TotpForm;
        if (await LoadAsync(cancellationToken) is { } refused) return refused;
        var reason = CheckReason();
        if (Errors.Count > 0) return Page();
        await administration.TurnOffTotpAsync(Account!.Id, Actor, reason, cancellationToken);
        return Changed("totp-off");
    }

    public string? DoneNotice => Done switch
    {
        "profile" => People.ProfileSaved,
        "disabled" => People.AccountDisabled,
        "enabled" => People.AccountEnabled,
        "password" => People.PasswordWasReset,
        "totp-off" => People.TwoFactorTurnedOff,
        _ => null,
    };

    private IActionResult Changed(string done) => RedirectToPage("/Admin/AccountsEdit", new { username = Account!.Id, done });

    /// <summary>Loads the account fresh; a refusal when there is none or it is outside the admin's scope.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        Account = await registry.LoadAsync(Accounts.Account.IdOf(Username), cancellationToken);
        if (Account is null) return NotFoundPage();
        if (!Reaches(Account.UnitCode)) return OutOfReach(Account.UnitCode);
        Role ??= Account.Role;
        Unit ??= Account.UnitCode;
        return null;
    }
}
