using DossierTracker.Api.Accounts;
using DossierTracker.Api.Audit;
using DossierTracker.Api.Notifications.Subscriptions;
using DossierTracker.Organisation;
using Microsoft.AspNetCore.Mvc;

namespace DossierTracker.Api.Dashboard.Pages;

/// <summary>
/// A signed-in account manages its own subscriptions: to its own email address, for a unit within its scope. Stored
/// and audited as <c>POST /api/subscriptions</c> stores them; a key session has no address, so it is told to use the API.
/// </summary>
public sealed class SubscriptionsModel(AccountRegistry registry, SubscriptionStore subscriptions) : DashboardPageModel
{
    public override string PageTitle => Text.Notifications.Title;
    public override string Section => "subscriptions";
    protected override bool IsAboutUnit => false;

    public Account? Account { get; private set; }
    public IReadOnlyList<Subscription> Mine { get; private set; } = [];
    public IReadOnlyList<Unit> Units { get; private set; } = [];
    public string? Error { get; private set; }
    public string? Done { get; private set; }

    [BindProperty] public string? UnitCode { get; set; }
    [BindProperty] public bool Digest { get; set; }
    [BindProperty] public bool LateAlerts { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // The navigation carries the unit being viewed: it is the one offered first.
        UnitCode = Request.Query["unit"].FirstOrDefault();
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Account is null) return Refuse(StatusCodes.Status403Forbidden, Text.Notifications.KeySession);
        var errors = SubscriptionRules.FieldErrors(Account.Email, UnitCode, Digest, LateAlerts);
        if (errors.Count > 0 || Units.All(u => u.Code != UnitCode))
        {
            Error = errors.ContainsKey("digest") ? Text.Notifications.ChooseOne : Text.Format(Text.ErrorUnitOutsideScopeFormat, UnitCode);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await subscriptions.SaveAsync(Account.Email, UnitCode!, Digest, LateAlerts, Account.Id, new AuditedChange(SignInAudit.ActorOf(User), null), cancellationToken);
        await LoadAsync(cancellationToken);
        Done = Text.Notifications.Saved;
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Mine.FirstOrDefault(s => s.Id == id) is not { } subscription) return Refuse(StatusCodes.Status404NotFound, Text.Notifications.NoSubscriptions);
        await subscriptions.DeleteAsync(subscription, new AuditedChange(SignInAudit.ActorOf(User), null), cancellationToken);
        await LoadAsync(cancellationToken);
        Done = Text.Notifications.Removed;
        return Page();
    }

    public string UnitName(string code) => ReferenceData.Units.Find(code) is { } unit ? Describe(unit) : code;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Account = await AccountModel.CurrentAccountAsync(User, registry, cancellationToken);
        Units = HomeUnit is null ? [] : ReferenceData.Units.Subtree(HomeUnit.Code);
        Mine = Account is null ? [] : (await subscriptions.AllAsync(cancellationToken)).Where(s => s.AccountId == Account.Id).ToList();
    }
}
