using DossierTracker.Api.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace DossierTracker.Api.Dashboard.Pages;

/// <summary>
/// Turning on the TOTP second factor: "set up" makes a new secret and shows it once (as an otpauth:// address and as
/// text); typing a code from the authenticator turns it on. Setting up again replaces an unconfirmed secret, so a secret
/// is never shown twice. Turning it on gives the account a new security stamp; this session goes on under it.
/// </summary>
public sealed class AccountTwoFactorModel(AccountRegistry registry, AccountAdministration administration) : DashboardPageModel
{
    public override string PageTitle => Text.TwoFactorTitle;
    public override string? Section => "account";
    protected override bool IsAboutUnit => false;

    public Account? Account { get; private set; }
    /// <summary>Right after "set up": the new secret, shown this once.</summary>
    public string? Secret { get; private set; }
    public string? SecretUri => Secret is null || Account is null ? null : TotpCodes.UriFor(Secret, Account.Username);
    public string? Error { get; private set; }
    [BindProperty(SupportsGet = true)] public bool Enabled { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Account = await AccountModel.CurrentAccountAsync(User, registry, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostBeginAsync()
    {
        Account = await AccountModel.CurrentAccountAsync(User, registry, HttpContext.RequestAborted);
        if (Account is null || Account.RequiresCode) return Page();
        Secret = await administration.BeginTotpAsync(Account.Id, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(string? code)
    {
        Account = await AccountModel.CurrentAccountAsync(User, registry, HttpContext.RequestAborted);
        if (Account is null || Account.RequiresCode) return Page();
        if (await administration.ConfirmTotpAsync(Account.Id, code, HttpContext.RequestAborted) is not { } enabled)
        {
            Error = Text.TwoFactorWrongCode;
            return Page();
        }
        await DashboardAuthentication.RenewAsync(HttpContext, enabled);
        return RedirectToPage("/AccountTwoFactor", new { enabled = true });
    }
}
