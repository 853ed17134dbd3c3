using Microsoft.Extensions.Options;

namespace DossierTracker.Api.Accounts.SingleSignOn;

/// <summary>Says at start-up whether single sign-on is on, and with which provider: an operator should not have to guess.</summary>
public sealed partial class SingleSignOnStartupLog(IOptions<SingleSignOnOptions> options, ILogger<SingleSignOnStartupLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.IsEnabled) On(logger, settings.Authority!, settings.ClientId);
        else Off(logger, SingleSignOnOptions.Section);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "Single sign-on is on: OpenID Connect provider {Authority}, client {ClientId}.")]
    private static partial void On(ILogger logger, string authority, string? clientId);

    [LoggerMessage(LogLevel.Information, "Single sign-on is off: no {Section}:Authority is set.")]
    private static partial void Off(ILogger logger, string section);
}
