using System.Security.Claims;
using DossierTracker.Api.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace DossierTracker.Api.Dashboard.Pages;

/// <summary>The signed-in person's account: who they are, their scope, and links to change the password and the second factor.</summary>
public sealed class AccountModel(AccountRegistry registry) : DashboardPageModel
{
    public override string PageTitle => Text.AccountTitle;
    public override string? Section => "account";
    protected override bool IsAboutUnit => false;

    /// <summary>Null for a session opened with an API key.</summary>
    public Account? Account { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Account = await CurrentAccountAsync(User, registry, HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>The account of an account session, read fresh; null for key sessions.</summary>
    public static async Task<Account?> CurrentAccountAsync(ClaimsPrincipal user, AccountRegistry registry, CancellationToken cancellationToken) =>
        user.FindFirstValue(DashboardAuthentication.AccountIdClaim) is { } id ? await registry.LoadAsync(id, cancellationToken) : null;
}
