using JasperFx.CodeGeneration;
using JasperFx.Resources;
using Wolverine;
using Wolverine.Http;

namespace DossierTracker.Api.Hosting;

public static class MessagingSetup
{
    /// <summary>
    /// Wolverine for HTTP endpoints and messaging: transactions around Marten-using handlers, and durable local queues
    /// whose messages (today the late sweep's) are stored in PostgreSQL (Marten's schema)
    /// before they are handled, so a message sent is handled after a restart, or by another node when its node dies.
    /// </summary>
    public static void UseMessaging(this WebApplicationBuilder builder)
    {
        builder.Host.UseWolverine(options =>
        {
            options.Policies.AutoApplyTransactions();
            options.Policies.UseDurableLocalQueues();
            // A message several features react to (a dossier became late: email alerts, webhooks) gets one chain and
            // one durable local queue per handler, so one feature's failure and retries never replay another's work.
            options.MultipleHandlerBehavior = MultipleHandlerBehavior.Separated;
            options.Durability.Mode = builder.Configuration.GetValue("Wolverine:Solo", false) ? DurabilityMode.Solo : DurabilityMode.Balanced;
            // A killed node's late sweep and stored messages move to a live node once its heartbeat is stale: after
            // 15 s here instead of Wolverine's minute, so a restarted or surviving node marks late dossiers soon.
            // A node wrongly thought dead costs nothing worse than a second sweep, which the ledger makes harmless.
            options.Durability.HealthCheckPollingTime = TimeSpan.FromSeconds(5);
            options.Durability.StaleNodeTimeout = TimeSpan.FromSeconds(15);
            // The handlers' code is generated ahead (ops/codegen, committed under Internal/Generated) and loaded as
            // compiled types: compiling it with Roslyn at start-up cost ~190 MB of memory. A handler without
            // pre-generated code is still compiled at run time, and in Development its file written for review.
            options.CodeGeneration.TypeLoadMode = TypeLoadMode.Auto;
            options.CodeGeneration.SourceCodeWritingEnabled = builder.Environment.IsDevelopment();
            options.UseRuntimeCompilation();
            options.Services.AddResourceSetupOnStartup();
        });
        builder.Services.AddWolverineHttp();
    }
}
