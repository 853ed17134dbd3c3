using System.Net;
using DossierTracker.Api.Security;
using DossierTracker.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DossierTracker.Api.Tests.Security;

public sealed class KeyHygieneTests(TrackerApp app) : ApiScenario(app)
{
    [Fact]
    public async Task keys_and_secrets_never_appear_in_the_logs()
    {
        ApiKeySecret.TryParse(SupervisorKey, out var id, out var secret).ShouldBeTrue();
        var revoked = await App.CreateKeyAsync(Roles.Ingest, TestProvince.Province);
        await App.Host.Services.GetRequiredService<ApiKeyRegistry>().RevokeAsync(revoked, TestAudit.Setup, CancellationToken.None);
        ApiKeySecret.TryParse(revoked, out _, out var revokedSecret).ShouldBeTrue();

        await GetAsync("/api/units");
        await GetAsync("/api/units", $"dtk_{id}_wrong");
        await PostEventAsync(Received("K-1"), revoked);
        await PostEventAsync(Received("K-2", unitCode: "NOPE"));
        await PostEventAsync(Received("K-3"));

        App.Logs.Lines.ShouldNotBeEmpty();
        App.Logs.Lines.ShouldAllBe(line => !line.Contains(secret) && !line.Contains(revokedSecret) && !line.Contains(IngestKey) && !line.Contains(AdminKey));
    }

    [Fact]
    public async Task refused_events_are_logged_with_event_id_dossier_code_and_problem()
    {
        (await PostEventAsync(Received("K-4", unitCode: "NOPE", eventId: "evt-k4"))).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);

        App.Logs.Lines.ShouldContain(line => line.Contains("evt-k4") && line.Contains("K-4") && line.Contains("unknown-unit"));
    }

    [Fact]
    public async Task metrics_are_exposed_for_prometheus()
    {
        await PostOkAsync(Received("K-5"));
        await PostEventAsync(Received("K-6", unitCode: "NOPE"));

        var response = await GetAsync("/metrics", AdminKey);
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        text.ShouldContain("dossiertracker_events_ingested");
        text.ShouldContain("problem=\"unknown-unit\"");
    }
}
