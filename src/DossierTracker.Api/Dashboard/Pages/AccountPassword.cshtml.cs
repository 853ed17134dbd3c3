using DossierTracker.Api.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace DossierTracker.Api.Dashboard.Pages;

/// <summary>
/// "Change my password": the current password, the new one twice. The account gets a new security stamp, so its other
/// sessions end; this one goes on under the new stamp.
/// </summary>
public sealed class AccountPasswordModel(AccountRegistry registry, AccountAdministration administration) : DashboardPageModel
{
    public override string PageTitle => Text.ChangePasswordTitle;
    protected override bool OpenWhilePasswordMustChange => true;
    public override string? Section => "account";
    protected override bool IsAboutUnit => false;

    public bool IsAccountSession { get; private set; }
    [BindProperty(SupportsGet = true)] public bool Changed { get; set; }
    /// <summary>Field name (<c>currentPassword</c>, <c>newPassword</c>, <c>confirmPassword</c>) → message.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public async Task<IActionResult> OnGetAsync()
    {
        IsAccountSession = await AccountModel.CurrentAccountAsync(User, registry, HttpContext.RequestAborted) is not null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? currentPassword, string? newPassword, string? confirmPassword)
    {
        if (await AccountModel.CurrentAccountAsync(User, registry, HttpContext.RequestAborted) is not { } account) return await OnGetAsync();
        IsAccountSession = true;
        if (newPassword != confirmPassword)
        {
            Errors["confirmPassword"] = Text.PasswordsDiffer;
            return Page();
        }
        var (changed, problems) = await administration.ChangePasswordAsync(account.Id, currentPassword, newPassword, HttpContext.RequestAborted);
        foreach (var problem in problems) Errors.TryAdd(problem.Field == "currentPassword" ? "currentPassword" : "newPassword", Text.PasswordProblem(problem.Code));
        if (changed is null) return Page();
        await DashboardAuthentication.RenewAsync(HttpContext, changed);
        return RedirectToPage("/AccountPassword", new { changed = true });
    }
}
