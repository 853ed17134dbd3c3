using System.Net;
using DossierTracker.Api.Tests.Infrastructure;
using DossierTracker.Calendar;
using JasperFx.CommandLine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DossierTracker.Api.Tests.Dashboard;

/// <summary>
/// The tracker on a real TCP port (Kestrel on 127.0.0.1, a free port), since a browser cannot talk to the in-memory
/// test server. Configured like <see cref="Infrastructure.TrackerApp"/>: its own database, no late sweeper, business
/// time from the given clock.
/// </summary>
internal sealed class DashboardServer(string connectionString, TimeProvider clock) : WebApplicationFactory<Program>
{
    public string Start()
    {
        JasperFxEnvironment.AutoStartHost = true;
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        return Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // The dashboard's stylesheet is served from the project's wwwroot, as when the service runs from its folder.
        builder.UseContentRoot(Repository.Path("src", "DossierTracker.Api"));
        builder.UseSetting("ConnectionStrings:Marten", connectionString);
        builder.UseSetting("Wolverine:Solo", "true");
        builder.UseSetting("Security:KeyCacheSeconds", "0");
        builder.UseSetting("LateDetection:Enabled", "false");
        builder.ConfigureServices(services => services.AddSingleton(new TrackerClock(clock)));
    }
}
