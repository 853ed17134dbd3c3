using System.Diagnostics;
using System.Net;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.Accounts;

/// <summary><c>accounts create | list | disable</c>, run as a separate process against the test database, as an operator runs it.</summary>
public sealed class AccountsCommandTests(TrackerApp app) : AccountScenario(app)
{
    [Fact]
    public async Task an_account_created_on_the_command_line_signs_in_is_listed_and_can_be_disabled()
    {
        var created = await RunAsync(Password + "\n", "create", "--username", "lan.tran", "--name", "Trần Thị Lan", "--email", "lan@example.gov.vn",
            "--role", "supervisor", "--unit", TestProvince.DistrictA, "--password-stdin");
        using var browser = Browser();
        var signedIn = await browser.SignInWithPasswordAsync("lan.tran", Password);
        var listed = await RunAsync(null, "list");
        var disabled = await RunAsync(null, "disable", "lan.tran");

        created.ExitCode.ShouldBe(0, created.Output);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        listed.Output.ShouldContain($"lan.tran\tsupervisor\t{TestProvince.DistrictA}\tactive\tpassword\tTrần Thị Lan\tlan@example.gov.vn");
        disabled.ExitCode.ShouldBe(0, disabled.Output);
        (await browser.GetAsync("/units")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the disabled account's session has ended");
    }

    [Fact]
    public async Task bad_input_is_refused_with_every_problem_named_and_a_failing_exit_code()
    {
        var result = await RunAsync("short\n", "create", "--username", "x", "--name", "N", "--email", "not-an-email", "--role", "ingest",
            "--unit", "999.99.99.X00", "--password-stdin");

        result.ExitCode.ShouldNotBe(0);
        result.Output.ShouldContain("--username must be");
        result.Output.ShouldContain("--email must be an email address");
        result.Output.ShouldContain("--role must be one of: supervisor, admin");
        result.Output.ShouldContain("--unit '999.99.99.X00' is not in the organisation tree");
        result.Output.ShouldContain("--password must have at least 12 characters");
        (await Registry.ListAsync(CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task a_password_is_only_read_from_standard_input_and_a_taken_username_is_refused()
    {
        await CreateAccountAsync("lan.tran");

        var withoutStdin = await RunAsync(null, "create", "--username", "other", "--name", "N", "--email", "n@example.gov.vn", "--role", "admin",
            "--unit", TestProvince.Province);
        var taken = await RunAsync(Password + "\n", "create", "--username", "LAN.TRAN", "--name", "N", "--email", "n@example.gov.vn", "--role", "admin",
            "--unit", TestProvince.Province, "--password-stdin");
        var unknown = await RunAsync(null, "disable", "nobody");

        withoutStdin.ExitCode.ShouldNotBe(0);
        withoutStdin.Output.ShouldContain("--password-stdin is required");
        taken.ExitCode.ShouldNotBe(0);
        taken.Output.ShouldContain("--username 'LAN.TRAN' is taken");
        unknown.ExitCode.ShouldNotBe(0);
        unknown.Output.ShouldContain("No account 'nobody'");
    }

    private async Task<(int ExitCode, string Output)> RunAsync(string? input, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [TrackerProcess.ApiAssembly(), "accounts", .. arguments])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ConnectionStrings__Marten"] = App.ConnectionString;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        if (input is not null) await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
