using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.Security;
using DossierTracker.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DossierTracker.Api.Tests.ReferenceData;

/// <summary>
/// <c>reference-data load</c>, as <c>ops/up</c> runs it: the demo province's files load into an empty database, the
/// procedures with their fields, under the same rules as PUT /api/procedures.
/// </summary>
[Collection(TrackerCollection.Name)]
public sealed class ReferenceDataCommandTests
{
    private static async Task<(int ExitCode, string Output)> LoadAsync(string connectionString, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [TrackerProcess.ApiAssembly(), "reference-data", "load", .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ConnectionStrings__Marten"] = connectionString;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    [Fact]
    public async Task the_demo_files_load_with_the_procedures_fields()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("reference_data_command");

        var (exitCode, output) = await LoadAsync(connectionString,
            "--units", Repository.Path("ops", "demo", "units-hoa-binh.json"), "--procedures", Repository.Path("ops", "demo", "procedures.json"));

        exitCode.ShouldBe(0, output);
        output.ShouldContain("Procedures: 43 loaded");
        await using var host = await TrackerApp.StartHostAsync(connectionString, TimeProvider.System);
        var key = await host.Services.GetRequiredService<ApiKeyRegistry>().CreateAsync(Roles.Supervisor, "000.00.00.H33", "reader", TestAudit.Setup, CancellationToken.None);
        using var client = host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        var land = (await client.GetFromJsonAsync<JsonArray>("/api/procedures"))!.Single(p => p!["code"]!.GetValue<string>() == "1.004227")!;
        land["field"]!["code"]!.GetValue<string>().ShouldBe("G13-TN02");
        land["field"]!["name"]!.GetValue<string>().ShouldBe("Đất đai");
    }

    [Fact]
    public async Task a_file_giving_a_field_code_two_names_is_refused_naming_the_items()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("reference_data_command_conflict");
        var file = Path.Combine(Path.GetTempPath(), $"procedures-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """
            [{"code":"P-1","name":"A","processingTime":{"value":1,"unit":"working-days"},"field":{"code":"G13-TN02","name":"Đất đai"}},
             {"code":"P-2","name":"B","processingTime":{"value":1,"unit":"working-days"},"field":{"code":"G13-TN02","name":"Đất"}}]
            """);
        try
        {
            var (exitCode, output) = await LoadAsync(connectionString, "--procedures", file);

            exitCode.ShouldNotBe(0, output);
            output.ShouldContain("[1]: field.name: field 'G13-TN02' is named differently within the request");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
