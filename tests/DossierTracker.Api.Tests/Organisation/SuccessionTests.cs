using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.Security;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.Organisation;

/// <summary>
/// Successor units over HTTP (contract v2, "Reference data" and "Scope"): two communes cease on 30 June 2025, each
/// taken over by an existing commune of another district; keys follow the merger, never further.
/// </summary>
public sealed class SuccessionTests(TrackerApp app) : ApiScenario(app)
{
    private const string CeasedA = "000.11.02.H99";
    private const string CeasedB = "000.12.02.H99";

    private static object Ceased(string code, string name, string parent, string? successor) =>
        new { code, name, level = "commune", parentCode = parent, validTo = "2025-06-30", successorCode = successor };

    private Task<HttpResponseMessage> PutUnitsAsync(params object[] units) => SendAsync(HttpMethod.Put, "/api/units", units, AdminKey);

    private async Task MergeAsync()
    {
        var response = await PutUnitsAsync(
            Ceased(CeasedA, "Xã Tây Phong", TestProvince.DistrictA, TestProvince.CommuneA1),
            Ceased(CeasedB, "Xã Tiền Phong", TestProvince.DistrictB, TestProvince.CommuneB1));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonArray> UnitsAsync() => (await (await GetAsync("/api/units")).Content.ReadFromJsonAsync<JsonArray>())!;

    [Fact]
    public async Task a_successor_is_stored_and_listed_with_the_unit()
    {
        await MergeAsync();

        var ceased = (await UnitsAsync()).Single(u => u!["code"]!.GetValue<string>() == CeasedA)!;
        ceased["successorCode"]!.GetValue<string>().ShouldBe(TestProvince.CommuneA1);
    }

    [Theory]
    [InlineData("000.99.99.H99", null, "is unknown")]
    [InlineData(TestProvince.CommuneA1, "2025-07-02", "must be valid on 2025-07-01")]
    [InlineData(CeasedA, null, "its own successor")]
    public async Task a_successor_that_cannot_take_over_is_a_422_and_nothing_is_stored(string successor, string? successorFrom, string message)
    {
        var units = new List<object> { Ceased(CeasedA, "Xã Tây Phong", TestProvince.DistrictA, successor) };
        if (successorFrom is not null)
            units.Add(new { code = TestProvince.CommuneA1, name = "Xã Bắc Phong", level = "commune", parentCode = TestProvince.DistrictA, validFrom = successorFrom });
        var before = (await UnitsAsync()).ToJsonString();

        var problem = await ProblemOf(await PutUnitsAsync([.. units]), HttpStatusCode.UnprocessableEntity);

        problem["type"]!.GetValue<string>().ShouldEndWith("/invalid-successor");
        problem["errors"]![$"units[{CeasedA}].successorCode"]![0]!.GetValue<string>().ShouldContain(message);
        (await UnitsAsync()).ToJsonString().ShouldBe(before);
    }

    [Fact]
    public async Task a_successor_only_on_a_unit_that_ends_is_a_422()
    {
        var response = await PutUnitsAsync(new { code = CeasedA, name = "Xã Tây Phong", level = "commune", parentCode = TestProvince.DistrictA, successorCode = TestProvince.CommuneA1 });

        (await ProblemOf(response, HttpStatusCode.UnprocessableEntity))["type"]!.GetValue<string>().ShouldEndWith("/invalid-successor");
    }

    [Fact]
    public async Task the_successors_keys_act_on_the_predecessors_dossiers_and_a_sibling_successors_keys_do_not()
    {
        await MergeAsync();
        await PostOkAsync(Received("SUC-1", occurredAt: "2025-06-30T10:00:00+07:00", unitCode: CeasedA));
        var successor = await App.CreateKeyAsync(Roles.Ingest, TestProvince.CommuneA1, "successor one-stop");
        var sibling = await App.CreateKeyAsync(Roles.Ingest, TestProvince.CommuneB1, "sibling successor one-stop");
        var successorSupervisor = await App.CreateKeyAsync(Roles.Supervisor, TestProvince.CommuneA1, "successor supervisor");
        var siblingSupervisor = await App.CreateKeyAsync(Roles.Supervisor, TestProvince.CommuneB1, "sibling supervisor");

        var refused = await PostEventAsync(Event("processing", "SUC-1", "2025-07-01T08:00:00+07:00", fields: [("handler", "other")]), sibling);
        (await ProblemOf(refused, HttpStatusCode.Conflict))["type"]!.GetValue<string>().ShouldEndWith("/dossier-not-received");
        (await GetAsync("/api/dossiers/SUC-1", siblingSupervisor)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var accepted = await PostEventAsync(Event("resolved", "SUC-1", "2025-07-02T09:00:00+07:00"), successor);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Created, await accepted.Content.ReadAsStringAsync());
        var dossier = await GetDossierAsync("SUC-1", successorSupervisor);
        dossier["status"]!.GetValue<string>().ShouldBe("resolved");
        dossier["unitCode"]!.GetValue<string>().ShouldBe(CeasedA);
    }

    [Fact]
    public async Task a_key_of_the_ceased_unit_does_not_reach_its_successors_own_dossiers()
    {
        await MergeAsync();
        await PostOkAsync(Received("SUC-2", occurredAt: "2025-07-03T10:00:00+07:00", unitCode: TestProvince.CommuneA1));
        var ceasedSupervisor = await App.CreateKeyAsync(Roles.Supervisor, CeasedA, "ceased commune supervisor");

        (await GetAsync("/api/dossiers/SUC-2", ceasedSupervisor)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await GetDossierAsync("SUC-2", await App.CreateKeyAsync(Roles.Supervisor, TestProvince.CommuneA1, "successor supervisor")))["unitCode"]!
            .GetValue<string>().ShouldBe(TestProvince.CommuneA1);
    }
}
