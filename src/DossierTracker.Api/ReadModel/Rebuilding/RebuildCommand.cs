using JasperFx.CommandLine;
using Marten;
using Npgsql;

namespace DossierTracker.Api.ReadModel.Rebuilding;

public sealed class RebuildInput : NetCoreInput
{
    [Description("rebuild")]
    public string Action { get; set; } = "";

    [Description("Accepted and ignored: Marten's command needed it on large stores; this rebuild has no shard to time out")]
    public string? ShardTimeoutFlag { get; set; }
}

/// <summary>
/// <c>read-model rebuild</c>, also reached as <c>projections rebuild</c> (<see cref="Intercept"/>): the read model
/// rebuilt online (<see cref="OnlineRebuild"/>) while the service keeps answering and ingesting.
/// </summary>
[Description("Rebuild the read model online from the event stream (also run by: projections rebuild)", Name = "read-model")]
public sealed class RebuildCommand : JasperFxAsyncCommand<RebuildInput>
{
    /// <summary>
    /// Sends <c>projections rebuild</c>, the command operators know, here. Marten's command of that name wins over one
    /// of ours with the same name (JasperFx registers Marten's assembly last), and it would empty the live tables and
    /// replay every event through the projection page by page, with lists and reports wrong until it finished. Marten's
    /// other <c>projections</c> actions are left alone.
    /// </summary>
    public static string[] Intercept(string[] args) =>
        args is ["projections", "rebuild", .. var rest] ? ["read-model", "rebuild", .. rest] : args;

    public RebuildCommand()
    {
        Usage("Rebuild the read model beside the live one, then switch").Arguments(x => x.Action);
    }

    public override async Task<bool> Execute(RebuildInput input)
    {
        if (!string.Equals(input.Action, "rebuild", StringComparison.OrdinalIgnoreCase))
        {
            Console.Error.WriteLine($"Unknown action '{input.Action}'; the action is: rebuild.");
            return false;
        }

        // The host is built for its services only: nothing is started (no web server, no background work).
        using var host = input.BuildHost();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var rebuild = new OnlineRebuild(host.Services.GetRequiredService<NpgsqlDataSource>(), store, host.Services.GetRequiredService<IWorkingCalendarSource>());
        var outcome = await rebuild.RunAsync(RebuildProgress.ToStandardError());
        Console.WriteLine($"Read model rebuilt: {outcome.Dossiers} dossiers from {outcome.Events} events in {outcome.Switched.TotalMilliseconds:F0} ms " +
            $"({outcome.Events / Math.Max(outcome.Switched.TotalSeconds, 0.001):F0} events/s; read and folded in {outcome.Folded.TotalSeconds:F1} s " +
            $"({outcome.Events / Math.Max(outcome.Folded.TotalSeconds, 0.001):F0} events/s), rows copied meanwhile and finished {(outcome.Copied - outcome.Folded).TotalSeconds:F1} s later, " +
            $"indexed in {(outcome.Loaded - outcome.Copied).TotalSeconds:F1} s, caught up and switched in {(outcome.Switched - outcome.Loaded).TotalSeconds:F1} s).");
        return true;
    }
}
