using DossierTracker.Api.Audit;
using DossierTracker.Api.Security;
using Microsoft.AspNetCore.Mvc;

namespace DossierTracker.Api.Dashboard.Pages.Admin;

/// <summary>
/// Creates an API key by the rules of the <c>keys create</c> command, for a unit the admin reaches. The key is shown
/// on the answer to the form, once (dashboard pages are never cached: <see cref="Hosting.SecurityHeaders"/>), never stored in clear; the list shows only its id afterwards.
/// </summary>
public sealed class KeysCreateModel(ApiKeyRegistry registry) : AccountsAndKeysPageModel
{
    public const string Form = "key";

    public override string PageTitle => People.NewKeyTitle;

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Role { get; set; } = Roles.Ingest;
    [BindProperty] public string? Unit { get; set; }

    public string? CreatedKey { get; private set; }

    public IActionResult OnGet()
    {
        Unit = User.ScopeUnitCode();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        PostedForm = Form;
        foreach (var problem in ApiKeyRules.Check(Role, Unit?.Trim(), Name, ReferenceData.Units))
            AddError(problem.Field, problem switch
            {
                { Field: "role" } => People.RoleInvalid,
                { Field: "unit", Code: "required" } => People.UnitRequired,
                { Field: "unit" } => People.UnitUnknown,
                { Code: "required" } => People.KeyNameRequired,
                _ => Text.Format(People.KeyNameInvalidFormat, ApiKeyRules.MaxNameLength),
            });
        if (!Errors.Has("unit")) CheckUnit("unit", Unit?.Trim());
        var reason = CheckReason();
        if (Errors.Count > 0) return Page();

        CreatedKey = await registry.CreateAsync(Role!, Unit!.Trim(), Name!.Trim(), new AuditedChange(Actor, reason), cancellationToken);
        return Page();
    }
}
