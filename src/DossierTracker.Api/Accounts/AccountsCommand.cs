using DossierTracker.Api.Audit;
using JasperFx.CommandLine;

namespace DossierTracker.Api.Accounts;

public sealed class AccountsInput : NetCoreInput
{
    // A string, not an enum: the command line parses enum values case-sensitively, and the usage is lower case.
    [Description("create | list | disable")]
    public string Action { get; set; } = "";

    [Description("For disable: the username")]
    public string? Target { get; set; }

    // Long names only: the one-letter ones would clash (-u, -e) with each other and with the host's own flags.
    [Description("Username of the new account (letters, digits, '.', '-', '_'; unique whatever its case)")]
    [FlagAlias("username", true)]
    public string? UsernameFlag { get; set; }

    [Description("Full name of the account's owner")]
    [FlagAlias("name", true)]
    public string? NameFlag { get; set; }

    [Description("Email address of the account's owner")]
    [FlagAlias("email", true)]
    public string? EmailFlag { get; set; }

    [Description("Role: supervisor or admin")]
    [FlagAlias("role", true)]
    public string? RoleFlag { get; set; }

    [Description("Scope unit code: the account sees this unit and every unit below it")]
    [FlagAlias("unit", true)]
    public string? UnitFlag { get; set; }

    [Description("Read the password from the first line of standard input (required for create: never on the command line)")]
    [FlagAlias("password-stdin", true)]
    public bool PasswordStdinFlag { get; set; }
}

[Description("Create, list or disable dashboard accounts (people who sign in with a username and password)", Name = "accounts")]
public sealed class AccountsCommand : JasperFxAsyncCommand<AccountsInput>
{
    public AccountsCommand()
    {
        Usage("Create an account (--username, --name, --email, --role, --unit, --password-stdin) or list accounts").Arguments(x => x.Action);
        Usage("Disable an account").Arguments(x => x.Action, x => x.Target!);
    }

    public override async Task<bool> Execute(AccountsInput input)
    {
        // The host is built for its services only: nothing is started (no web server, no background work).
        using var host = input.BuildHost();
        var services = host.Services;
        return input.Action.ToLowerInvariant() switch
        {
            "create" => await Create(input, services.GetRequiredService<AccountAdministration>()),
            "list" => await List(services.GetRequiredService<AccountRegistry>()),
            "disable" => await Disable(input, services.GetRequiredService<AccountAdministration>()),
            _ => Fail($"Unknown action '{input.Action}'; use create, list or disable."),
        };
    }

    private static async Task<bool> Create(AccountsInput input, AccountAdministration administration)
    {
        if (!input.PasswordStdinFlag) return Fail("--password-stdin is required: pipe the password in, so it never shows in the process list or shell history.");
        var password = Console.In.ReadLine();
        var profile = new AccountProfile(input.UsernameFlag ?? "", input.NameFlag ?? "", input.EmailFlag ?? "", input.RoleFlag ?? "", input.UnitFlag ?? "");
        var problems = await administration.CreateAsync(profile, password, CommandLine, CancellationToken.None);
        if (problems.Count > 0) return Fail(string.Join(Environment.NewLine, problems.Select(p => $"--{p.Field} {p.Message}.")));
        Console.WriteLine($"Created the {profile.Role} account '{profile.Username}' for unit {profile.UnitCode}.");
        return true;
    }

    private static async Task<bool> List(AccountRegistry registry)
    {
        foreach (var account in await registry.ListAsync(CancellationToken.None))
            Console.WriteLine(string.Join('\t', account.Username, account.Role, account.UnitCode,
                account.Disabled ? "disabled" : "active", account.RequiresCode ? "totp" : "password", account.FullName, account.Email));
        return true;
    }

    private static async Task<bool> Disable(AccountsInput input, AccountAdministration administration)
    {
        if (string.IsNullOrWhiteSpace(input.Target)) return Fail("Name the username to disable.");
        if (await administration.DisableAsync(input.Target, CommandLine, null, CancellationToken.None) is null)
            return Fail($"No account '{input.Target}'.");
        Console.WriteLine($"Disabled '{input.Target}'; its sessions end at their next request.");
        return true;
    }

    /// <summary>The operating-system user who ran the command, as the audit trail's actor.</summary>
    private static AuditActor CommandLine => AuditActor.System("command-line", Environment.UserName);

    private static bool Fail(string message)
    {
        Console.Error.WriteLine(message);
        return false;
    }
}
