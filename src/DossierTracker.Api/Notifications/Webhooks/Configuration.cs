using Marten;
using Wolverine;

namespace DossierTracker.Api.Notifications.Webhooks;

/// <summary>
/// Webhooks for one-stop systems: registrations, the due-soon sweep (one agent across the nodes), the late notices
/// (on <c>DossierBecameLate</c>) and signed deliveries with retries.
/// </summary>
public static class Configuration
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Webhooks");
        services.Configure<WebhookOptions>(section);
        var timeout = section.GetValue("Timeout", new WebhookOptions().Timeout);
        services.AddHttpClient(WebhookSender.ClientName, client => client.Timeout = timeout)
            // A redirect is not an acceptance: the receiver's URL is the one registered, and a 3xx counts as a failure.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookRetrySchedule>();
        services.AddSingleton<WebhookRegistry>();
        services.AddSingleton<DueSoonSweeper>();
        services.AddSingularAgent<DueSoonSweepAgent>();
        services.ConfigureMarten(options =>
        {
            foreach (var table in WebhookTables.All()) options.Storage.ExtendedSchemaObjects.Add(table);
        });
        return services;
    }
}
