using System.Net;
using DossierTracker.Api.Security;
using DossierTracker.Api.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace DossierTracker.Api.Tests.Security;

public sealed class AuthenticationTests(TrackerApp app) : ApiScenario(app)
{
    [Fact]
    public async Task no_key_is_401_problem_with_a_bearer_challenge()
    {
        var response = await GetAnonymousAsync("/api/units");

        var problem = await ProblemOf(response, HttpStatusCode.Unauthorized);
        ShouldHaveType(problem, "unauthorized");
        response.Headers.WwwAuthenticate.ToString().ShouldContain("Bearer");
    }

    [Theory]
    [InlineData("dtk_000000000000_notarealsecret")]
    [InlineData("garbage")]
    public async Task unknown_or_malformed_key_is_401(string key)
    {
        await ProblemOf(await GetAsync("/api/units", key), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task a_correct_id_with_a_wrong_secret_is_401()
    {
        ApiKeySecret.TryParse(SupervisorKey, out var id, out _).ShouldBeTrue();
        await ProblemOf(await GetAsync("/api/units", $"dtk_{id}_wrong-secret"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task revoked_key_is_401()
    {
        await App.Host.Services.GetRequiredService<ApiKeyRegistry>().RevokeAsync(SupervisorKey, TestAudit.Setup, CancellationToken.None);

        await ProblemOf(await GetAsync("/api/units", SupervisorKey), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task x_api_key_header_is_accepted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/units");
        request.Headers.Add("X-Api-Key", SupervisorKey);
        using var client = App.Client();

        (await client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task supervisor_may_not_post_events()
    {
        var problem = await ProblemOf(await PostEventAsync(Received("A-1"), SupervisorKey), HttpStatusCode.Forbidden);
        ShouldHaveType(problem, "forbidden");
    }

    [Fact]
    public async Task ingest_key_may_not_read_dossiers()
    {
        await PostOkAsync(Received("A-2"));
        await ProblemOf(await GetAsync("/api/dossiers/A-2", IngestKey), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task only_admin_may_write_reference_data()
    {
        await ProblemOf(await SendAsync(HttpMethod.Put, "/api/units", TestProvince.Units, SupervisorKey), HttpStatusCode.Forbidden);
        await ProblemOf(await SendAsync(HttpMethod.Put, "/api/procedures", TestProvince.Procedures, IngestKey), HttpStatusCode.Forbidden);
        (await SendAsync(HttpMethod.Put, "/api/procedures", TestProvince.Procedures, AdminKey)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task admin_may_post_events_and_read_dossiers()
    {
        (await PostEventAsync(Received("A-3"), AdminKey)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await GetAsync("/api/dossiers/A-3", AdminKey)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task keys_are_stored_as_hashes_only()
    {
        ApiKeySecret.TryParse(AdminKey, out var id, out var secret).ShouldBeTrue();
        await using var session = App.Store.QuerySession();

        var stored = await session.Json.FindByIdAsync<ApiKey>(id);

        stored.ShouldNotBeNull();
        stored.ShouldNotContain(secret);
        stored.ShouldNotContain(AdminKey);
    }
}
