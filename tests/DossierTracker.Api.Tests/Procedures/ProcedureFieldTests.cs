using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.Http;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.Procedures;

/// <summary>PUT and GET /api/procedures with fields (contract version 2): one name per field code, all or nothing.</summary>
public sealed class ProcedureFieldTests(TrackerApp app) : ApiScenario(app)
{
    private const string Land = "G13-TN02";

    private static object Procedure(string code, object? field, string name = "Thủ tục") =>
        new { code, name, processingTime = new { value = 3, unit = "working-days" }, field };

    private static object Field(string code, string name) => new { code, name };

    private Task<HttpResponseMessage> PutAsync(params object[] procedures) => SendAsync(HttpMethod.Put, "/api/procedures", procedures, AdminKey);

    private async Task<JsonObject> StoredAsync(string code) =>
        (await (await GetAsync("/api/procedures")).Content.ReadFromJsonAsync<JsonArray>())!
        .Single(p => p!["code"]!.GetValue<string>() == code)!.AsObject();

    private async Task<int> CountAsync() => (await (await GetAsync("/api/procedures")).Content.ReadFromJsonAsync<JsonArray>())!.Count;

    [Fact]
    public async Task a_procedure_s_field_round_trips_with_its_vietnamese_name()
    {
        (await PutAsync(Procedure("P-1", Field(Land, "Đất đai")), Procedure("P-2", Field(Land, "Đất đai")))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var field = (await StoredAsync("P-1"))["field"]!;
        field["code"]!.GetValue<string>().ShouldBe(Land);
        field["name"]!.GetValue<string>().ShouldBe("Đất đai");
    }

    [Fact]
    public async Task the_put_answers_the_catalogue_with_the_fields()
    {
        var response = await PutAsync(Procedure("P-1", Field("G15-TP07", "Hộ tịch")));

        var body = (await response.Content.ReadFromJsonAsync<JsonArray>())!;
        body.Single(p => p!["code"]!.GetValue<string>() == "P-1")!["field"]!["name"]!.GetValue<string>().ShouldBe("Hộ tịch");
    }

    [Fact]
    public async Task a_procedure_without_a_field_has_none_and_a_replacement_without_one_clears_it()
    {
        (await PutAsync(Procedure("P-1", Field(Land, "Đất đai")))).EnsureSuccessStatusCode();
        (await PutAsync(Procedure("P-1", field: null))).EnsureSuccessStatusCode();

        (await StoredAsync("P-1")).ContainsKey("field").ShouldBeFalse();
        (await StoredAsync(TestProvince.Certification)).ContainsKey("field").ShouldBeFalse();
    }

    [Theory]
    [InlineData("""{"name":"Đất đai"}""", "field.code")]
    [InlineData("""{"code":"G13-TN02"}""", "field.name")]
    [InlineData("""{"code":"","name":"Đất đai"}""", "field.code")]
    [InlineData("""{"code":"G13-TN02","name":"  "}""", "field.name")]
    [InlineData("""{"code":" G13-TN02","name":"Đất đai"}""", "field.code")]
    [InlineData("""{"code":"G13\u0007TN02","name":"Đất đai"}""", "field.code")]
    public async Task an_incomplete_or_malformed_field_is_400_naming_the_item_and_nothing_is_stored(string field, string named)
    {
        var body = """[{"code":"P-OK","name":"Thủ tục","processingTime":{"value":3,"unit":"working-days"}},""" +
            """{"code":"P-BAD","name":"Thủ tục","processingTime":{"value":3,"unit":"working-days"},"field":""" + field + "}]";

        var problem = await ProblemOf(await SendRawAsync(HttpMethod.Put, "/api/procedures", body, AdminKey), HttpStatusCode.BadRequest);

        ShouldHaveType(problem, ProblemCatalogue.Validation);
        problem["errors"]!["[1]"]!.AsArray().Select(m => m!.GetValue<string>()).ShouldContain(m => m.StartsWith(named, StringComparison.Ordinal));
        problem["errors"]!.AsObject().ContainsKey("[0]").ShouldBeFalse();
        (await CountAsync()).ShouldBe(TestProvince.Procedures.Length);
    }

    [Theory]
    [InlineData(101, 10)]
    [InlineData(10, 1001)]
    public async Task a_field_code_or_name_too_long_is_400(int codeLength, int nameLength)
    {
        var problem = await ProblemOf(await PutAsync(Procedure("P-1", Field(new string('G', codeLength), new string('đ', nameLength)))),
            HttpStatusCode.BadRequest);

        problem["errors"]!["[0]"].ShouldNotBeNull();
        (await CountAsync()).ShouldBe(TestProvince.Procedures.Length);
    }

    [Fact]
    public async Task a_field_that_is_not_an_object_is_400()
    {
        var body = """[{"code":"P-1","name":"Thủ tục","processingTime":{"value":3,"unit":"working-days"},"field":"Đất đai"}]""";

        var problem = await ProblemOf(await SendRawAsync(HttpMethod.Put, "/api/procedures", body, AdminKey), HttpStatusCode.BadRequest);

        problem["errors"]!.AsObject().Single().Key.ShouldContain("field");
    }

    [Fact]
    public async Task one_field_code_with_two_names_in_a_request_is_422_naming_every_item_and_nothing_is_stored()
    {
        var problem = await ProblemOf(await PutAsync(
            Procedure("P-1", Field(Land, "Đất đai")),
            Procedure("P-2", Field("G15-TP07", "Hộ tịch")),
            Procedure("P-3", Field(Land, "Quản lý đất đai"))), HttpStatusCode.UnprocessableEntity);

        ShouldHaveType(problem, ProblemCatalogue.FieldNameConflict);
        problem["errors"]!.AsObject().Select(e => e.Key).Order().ShouldBe(["[0]", "[2]"]);
        problem["errors"]!["[2]"]![0]!.GetValue<string>().ShouldContain("'Đất đai' by [0]; 'Quản lý đất đai' by [2]");
        (await CountAsync()).ShouldBe(TestProvince.Procedures.Length);
    }

    [Fact]
    public async Task a_field_name_other_than_the_stored_procedures_one_is_422_naming_them_and_nothing_is_stored()
    {
        (await PutAsync(Procedure("P-1", Field(Land, "Đất đai")), Procedure("P-2", Field(Land, "Đất đai")))).EnsureSuccessStatusCode();

        var problem = await ProblemOf(await PutAsync(Procedure("P-3", Field(Land, "Đất Đai")), Procedure("P-4", field: null)),
            HttpStatusCode.UnprocessableEntity);

        ShouldHaveType(problem, ProblemCatalogue.FieldNameConflict);
        var message = problem["errors"]!["[0]"]![0]!.GetValue<string>();
        message.ShouldContain("'Đất Đai' here but 'Đất đai' on stored procedure(s) P-1, P-2");
        (await CountAsync()).ShouldBe(TestProvince.Procedures.Length + 2);
    }

    [Fact]
    public async Task a_field_is_renamed_by_sending_all_its_procedures_at_once()
    {
        (await PutAsync(Procedure("P-1", Field(Land, "Đất đai")), Procedure("P-2", Field(Land, "Đất đai")))).EnsureSuccessStatusCode();

        (await PutAsync(Procedure("P-1", Field(Land, "Đất đai (mới)")), Procedure("P-2", Field(Land, "Đất đai (mới)")))).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await StoredAsync("P-2"))["field"]!["name"]!.GetValue<string>().ShouldBe("Đất đai (mới)");
    }

    [Fact]
    public async Task a_procedure_moved_to_another_field_frees_its_old_field_name()
    {
        (await PutAsync(Procedure("P-1", Field(Land, "Đất đai")))).EnsureSuccessStatusCode();

        (await PutAsync(Procedure("P-1", Field("G15-TP07", "Hộ tịch")), Procedure("P-2", Field(Land, "Đất đai và nhà ở"))))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task concurrent_requests_naming_one_field_differently_store_one_name()
    {
        // Each request also carries a few hundred procedures without a field: they widen the window between the check
        // and the commit in which another request could slip through.
        var responses = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => PutAsync(
            [Procedure($"P-{i}", Field(Land, $"Đất đai {i}")), .. Enumerable.Range(1, 300).Select(k => Procedure($"F-{i}-{k}", field: null))])));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        responses.Where(r => r.StatusCode != HttpStatusCode.OK).ShouldAllBe(r => r.StatusCode == HttpStatusCode.UnprocessableEntity);
        var catalogue = (await (await GetAsync("/api/procedures")).Content.ReadFromJsonAsync<JsonArray>())!;
        catalogue.Where(p => p!["field"] is not null).Select(p => p!["field"]!["name"]!.GetValue<string>()).Distinct().Count().ShouldBe(1);
    }

    [Fact]
    public async Task the_demo_catalogue_loads_with_its_fields()
    {
        var response = await SendRawAsync(HttpMethod.Put, "/api/procedures", File.ReadAllText(Repository.Path("ops", "demo", "procedures.json")), AdminKey);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var catalogue = (await response.Content.ReadFromJsonAsync<JsonArray>())!;
        catalogue.Where(p => p!["field"] is not null).Select(p => p!["field"]!["code"]!.GetValue<string>()).Distinct().Count().ShouldBe(22);
        (await StoredAsync("1.004227"))["field"]!["name"]!.GetValue<string>().ShouldBe("Đất đai");
    }
}
