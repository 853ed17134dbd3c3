using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace DossierTracker.Api.Security;

/// <summary>
/// <c>X-Forwarded-Proto</c> and <c>X-Forwarded-For</c> are believed only from the proxies listed in
/// <c>ForwardedHeaders:KnownProxies</c> (addresses, or networks such as <c>10.0.0.0/24</c>); none by default, not even
/// loopback. From such a proxy the scheme marks the session cookie Secure and the client's address is what the
/// per-address limits count. The Host header is never taken from anyone: redirects carry paths only.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static IServiceCollection AddTrackerForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                if (System.Net.IPNetwork.TryParse(proxy, out var network) && proxy.Contains('/')) options.KnownIPNetworks.Add(network);
                else if (IPAddress.TryParse(proxy, out var address)) options.KnownProxies.Add(address);
                else throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: '{proxy}' is neither an IP address nor a network.");
            }
        });
        return services;
    }
}
