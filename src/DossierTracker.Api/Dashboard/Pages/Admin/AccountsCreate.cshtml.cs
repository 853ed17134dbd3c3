using DossierTracker.Api.Accounts;
using DossierTracker.Api.Security;
using Microsoft.AspNetCore.Mvc;

namespace DossierTracker.Api.Dashboard.Pages.Admin;

/// <summary>
/// Creates an account by the rules of the <c>accounts create</c> command, in a unit the admin reaches. The initial
/// password is typed (and checked by the policy) or, left empty, generated and shown on the answer once.
/// </summary>
public sealed class AccountsCreateModel(AccountAdministration administration) : AccountsAndKeysPageModel
{
    public const string Form = "account";

    public override string PageTitle => People.NewAccountTitle;

    [BindProperty] public string? Username { get; set; }
    [BindProperty(Name = "name")] public string? FullName { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Role { get; set; } = Roles.Supervisor;
    [BindProperty] public string? Unit { get; set; }
    [BindProperty] public string? Password { get; set; }

    /// <summary>The username of the account just created.</summary>
    public string? Created { get; private set; }
    public string? GeneratedPassword { get; private set; }

    public IActionResult OnGet()
    {
        Unit = User.ScopeUnitCode();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        PostedForm = Form;
        var profile = new AccountProfile(Username?.Trim() ?? "", FullName?.Trim() ?? "", Email?.Trim() ?? "", Role ?? "", Unit?.Trim() ?? "");
        // Checked here first, so nothing is written for a unit out of reach; the administration checks the rest.
        if (ReferenceData.Units.Find(profile.UnitCode) is not null) CheckUnit("unit", profile.UnitCode);
        var reason = CheckReason();
        var generated = string.IsNullOrEmpty(Password) ? PasswordPolicy.Generate(profile.Username) : null;
        if (Errors.Count > 0)
        {
            foreach (var problem in AccountRules.Check(profile, ReferenceData.Units).Concat(PasswordPolicy.Check(generated ?? Password, profile.Username)))
                AddError(problem.Field, Describe(problem));
            return Page();
        }
        var problems = await administration.CreateAsync(profile, generated ?? Password, Actor, cancellationToken, reason);
        foreach (var problem in problems) AddError(problem.Field, Describe(problem));
        if (Errors.Count > 0) return Page();

        Created = profile.Username;
        GeneratedPassword = generated;
        return Page();
    }

    private string Describe(AccountProblem problem) => problem switch
    {
        { Field: "username", Code: "taken" } => People.UsernameTaken,
        { Field: "username" } => People.UsernameInvalid,
        { Field: "name" } => People.FullNameInvalid,
        { Field: "email" } => People.EmailInvalid,
        { Field: "role" } => People.RoleInvalid,
        { Field: "unit" } => People.UnitUnknown,
        _ => Text.PasswordProblem(problem.Code),
    };
}
