using System.Diagnostics;
using DossierTracker.Api.Audit;
using DossierTracker.Api.Tests.Infrastructure;
using Npgsql;

namespace DossierTracker.Api.Tests.Audit;

/// <summary>The command line records its changes as the API does, as the <c>system</c> actor, with <c>--reason</c>.</summary>
[Collection(TrackerCollection.Name)]
public sealed class CommandLineAuditTests
{
    [Fact]
    public async Task loading_units_from_the_command_line_records_each_unit_with_the_reason()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("audit_command_line");

        var (exitCode, output) = await RunAsync(connectionString, "reference-data", "load",
            "--units", Repository.Path("ops", "demo", "units-hoa-binh.json"), "--reason", "Nạp cây đơn vị ban đầu");

        exitCode.ShouldBe(0, output);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select count(*), count(distinct subject), min(actor_kind), min(actor_id), min(reason), max(reason) from {AuditTable.Name} where action = 'unit.created'",
            connection);
        await using var row = await command.ExecuteReaderAsync();
        await row.ReadAsync();
        row.GetInt64(0).ShouldBeGreaterThan(0);
        row.GetInt64(1).ShouldBe(row.GetInt64(0));
        (row.GetString(2), row.GetString(3)).ShouldBe((AuditActor.SystemKind, "command-line"));
        (row.GetString(4), row.GetString(5)).ShouldBe(("Nạp cây đơn vị ban đầu", "Nạp cây đơn vị ban đầu"));
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string connectionString, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [TrackerProcess.ApiAssembly(), .. arguments])
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
}
