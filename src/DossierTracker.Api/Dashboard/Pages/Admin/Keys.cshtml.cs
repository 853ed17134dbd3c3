using DossierTracker.Api.Security;
using Microsoft.AspNetCore.Mvc;

namespace DossierTracker.Api.Dashboard.Pages.Admin;

/// <summary>The API keys of the units in the admin's scope: who they are for, role, unit, when created and last used, revoked or not.</summary>
public sealed class KeysModel(ApiKeyRegistry registry, ApiKeyUsage usage) : AccountsAndKeysPageModel
{
    public override string PageTitle => People.KeysTitle;

    /// <summary>The id of the key just revoked, for the notice.</summary>
    [BindProperty(SupportsGet = true)] public string? Revoked { get; set; }

    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];
    public IReadOnlyDictionary<string, DateTimeOffset> LastUsed { get; private set; } = new Dictionary<string, DateTimeOffset>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Keys = (await registry.ListAsync(cancellationToken)).Where(k => Reaches(k.UnitCode)).ToList();
        LastUsed = await usage.LastUsedAsync(cancellationToken);
        if (Revoked is not null && !Keys.Any(k => k.Id == Revoked)) Revoked = null;
        return Page();
    }
}
