using System.Net;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.NationalPortal;

/// <summary>What the portal endpoints refuse as a whole: bodies that are not the portal's envelope, and callers without the ingest role.</summary>
public sealed class PortalRequestTests(TrackerApp app) : PortalScenario(app)
{
    [Fact]
    public async Task a_body_that_is_not_json_is_a_400() =>
        ShouldHaveType(await ProblemOf(await SendRawAsync(HttpMethod.Post, DongBo, "{\"service\": \"DongBoHoSoMC\", data: [", IngestKey), HttpStatusCode.BadRequest),
            "malformed-json");

    [Fact]
    public async Task data_that_is_not_an_array_is_a_400()
    {
        var problem = await ProblemOf(await PostPortalAsync(DongBo, new { service = "DongBoHoSoMC", data = new { MaHoSo = "x" } }), HttpStatusCode.BadRequest);

        problem["errors"]!["data"].ShouldNotBeNull();
    }

    [Fact]
    public async Task another_service_name_is_a_400()
    {
        var problem = await ProblemOf(await PostPortalAsync(DongBo, Envelope("CapNhatTienDoHoSoMC")), HttpStatusCode.BadRequest);

        problem["errors"]!["service"].ShouldNotBeNull();
    }

    [Fact]
    public async Task an_isUpdating_the_tracker_does_not_know_is_ignored()
    {
        var answer = await AnswerAsync(DongBo, new { isUpdating = "có", service = "DongBoHoSoMC", data = Array.Empty<object>() });

        answer["error_code"]!.GetValue<string>().ShouldBe("0");
    }

    [Fact]
    public async Task isUpdating_as_a_boolean_and_the_adapters_extra_fields_are_accepted()
    {
        var answer = await AnswerAsync(DongBo, new { session = "abc", madonvi = "000.00.00.H99", isUpdating = true, service = "DongBoHoSoMC", data = Array.Empty<object>() });

        (answer["error_code"]!.GetValue<string>(), answer["result"]!.AsArray().Count).ShouldBe(("0", 0));
    }

    [Fact]
    public async Task more_than_1000_dossiers_is_a_400() =>
        (await ProblemOf(await PostPortalAsync(DongBo, Envelope("DongBoHoSoMC", Enumerable.Range(0, 1001).Select(_ => new { }).ToArray())), HttpStatusCode.BadRequest))
            ["errors"]!["data"].ShouldNotBeNull();

    [Fact]
    public async Task a_supervisor_key_may_not_sync() =>
        (await PostPortalAsync(DongBo, Envelope("DongBoHoSoMC"), SupervisorKey)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

    [Fact]
    public async Task without_a_key_the_answer_is_401() =>
        (await SendAsync(HttpMethod.Post, TienDo, new { service = "CapNhatTienDoHoSoMC", data = Array.Empty<object>() }, key: null))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
}
