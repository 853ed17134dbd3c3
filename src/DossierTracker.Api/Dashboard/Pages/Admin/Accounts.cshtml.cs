using DossierTracker.Api.Accounts;
using DossierTracker.Calendar;
using Microsoft.AspNetCore.Mvc;

namespace DossierTracker.Api.Dashboard.Pages.Admin;

/// <summary>The accounts of the units in the admin's scope, each linking to its page of changes.</summary>
public sealed class AccountsModel(AccountRegistry registry, TrackerClock clock) : AccountsAndKeysPageModel
{
    public override string PageTitle => People.AccountsTitle;

    public IReadOnlyList<Account> Accounts { get; private set; } = [];
    /// <summary>The tracker's clock, which lockouts are measured by.</summary>
    public DateTimeOffset Now => clock.Now;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Accounts = (await registry.ListAsync(cancellationToken)).Where(a => Reaches(a.UnitCode)).ToList();
        return Page();
    }
}
