using DossierTracker.Api.Audit;
using DossierTracker.Api.Security;
using Microsoft.AspNetCore.Mvc;

namespace DossierTracker.Api.Dashboard.Pages.Admin;

/// <summary>
/// Revoking a key, after a confirmation page (a form without script cannot ask "are you sure?"): the key's details,
/// the consequence, a reason. The API refuses the key from then on (within the key cache's seconds on other nodes).
/// </summary>
public sealed class KeysRevokeModel(ApiKeyRegistry registry) : AccountsAndKeysPageModel
{
    public const string Form = "revoke";

    public override string PageTitle => People.RevokeTitle;

    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";

    public ApiKey? Key { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        PostedForm = Form;
        if (await LoadAsync(cancellationToken) is { } refused) return refused;
        var reason = CheckReason();
        if (Errors.Count > 0 || Key!.IsRevoked) return Page();
        await registry.RevokeAsync(Key.Id, new AuditedChange(Actor, reason), cancellationToken);
        return RedirectToPage("/Admin/Keys", new { revoked = Key.Id });
    }

    /// <summary>Loads the key; a refusal when there is none or it is outside the admin's scope.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        // By id only: a whole key typed here would put a secret in an address.
        Key = ApiKeySecret.TryParse(Id, out _, out _) ? null : await registry.FindAsync(Id, cancellationToken);
        if (Key is null) return NotFoundPage();
        return Reaches(Key.UnitCode) ? null : OutOfReach(Key.UnitCode);
    }
}
