using DossierTracker.Api.Notifications.Digests;
using DossierTracker.Api.Notifications.Email;
using DossierTracker.Api.Notifications.Subscriptions;
using JasperFx.Core;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.ErrorHandling;

namespace DossierTracker.Api.Notifications;

/// <summary>Subscriptions, the late alerts and daily digests they receive by email, and the tables behind "sent once".</summary>
public static class Configuration
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Notifications");
        services.Configure<NotificationOptions>(section);
        services.AddSingleton<SubscriptionStore>().AddSingleton<SentNotices>().AddSingleton<SmtpMailer>().AddSingleton<DigestScheduler>();
        services.AddSingularAgent<DigestAgent>();
        services.AddHostedService<SmtpSettingsReport>();
        services.ConfigureMarten(options =>
        {
            options.Schema.For<Subscription>().Index(s => s.UnitCode);
            foreach (var table in NotificationTables.All()) options.Storage.ExtendedSchemaObjects.Add(table);
        });
        var delays = (section.Get<NotificationOptions>() ?? new NotificationOptions()).RetryDelaysSeconds.Select(s => s.Seconds()).ToArray();
        services.ConfigureWolverine(options => options.OnException<EmailDeliveryException>().ScheduleRetry(delays));
        return services;
    }
}

/// <summary>Says once at start-up whether emails go out, and where.</summary>
internal sealed class SmtpSettingsReport(IOptions<NotificationOptions> options, ILogger<SmtpSettingsReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        if (options.Value.SendsEmail)
            logger.LogInformation("Notifications: emails go to SMTP {Host}:{Port} (TLS {Tls}) from {From}", smtp.Host, smtp.Port, smtp.Tls, smtp.From);
        else
            logger.LogWarning("Notifications: no SMTP host set (Notifications:Smtp:Host), so no email is sent");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
