using JasperFx.Resources;
using Wolverine;
using Wolverine.Http;

namespace DossierTracker.Api.Hosting;

public static class MessagingSetup
{
    /// <summary>
    /// Wolverine for HTTP endpoints and messaging: transactions around Marten-using handlers, durable local queues, and
    /// scheduled messages persisted in PostgreSQL (Marten's schema), so no accepted work is lost on restart.
    /// </summary>
    public static void UseTrackerMessaging(this WebApplicationBuilder builder)
    {
        builder.Host.UseWolverine(options =>
        {
            options.Policies.AutoApplyTransactions();
            options.Policies.UseDurableLocalQueues();
            options.Durability.Mode = builder.Configuration.GetValue("Wolverine:Solo", false) ? DurabilityMode.Solo : DurabilityMode.Balanced;
            options.UseRuntimeCompilation();
            options.Services.AddResourceSetupOnStartup();
        });
        builder.Services.AddWolverineHttp();
    }
}
