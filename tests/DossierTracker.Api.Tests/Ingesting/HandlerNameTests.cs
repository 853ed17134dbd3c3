using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.Ingesting;

/// <summary><c>handlerName</c> on <c>processing</c> events: optional, trimmed, limited; shown on the dossier and in the lists.</summary>
public sealed class HandlerNameTests(TrackerApp app) : ApiScenario(app)
{
    private const string Code = "000.00.01.H99-260302-0001";

    // Now is Tuesday 2026-03-10 10:00 (+07:00): the dossier is overdue.
    private Task ReceiveAsync() => PostOkAsync(Received(Code, "2026-03-02T09:00:00+07:00", dueAt: "2026-03-05T09:00:00+07:00"));

    private static Dictionary<string, object?> Processing(string at, params (string Name, object? Value)[] fields) =>
        Event("processing", Code, at, fields: fields);

    private async Task<JsonObject> LateItemAsync()
    {
        var page = (await (await GetAsync("/api/dossiers/late")).Content.ReadFromJsonAsync<JsonObject>())!;
        return page["items"]!.AsArray().Single()!.AsObject();
    }

    [Fact]
    public async Task the_handler_s_name_reaches_the_dossier_its_timeline_and_the_lists()
    {
        await ReceiveAsync();
        await PostOkAsync(Processing("2026-03-02T10:00:00+07:00", ("handler", "cb-07"), ("handlerName", "Nguyễn Thị Lan")));

        var dossier = await GetDossierAsync(Code);
        dossier["handlerName"]!.GetValue<string>().ShouldBe("Nguyễn Thị Lan");
        dossier["timeline"]!.AsArray()[1]!["handlerName"]!.GetValue<string>().ShouldBe("Nguyễn Thị Lan");
        (await LateItemAsync())["handlerName"]!.GetValue<string>().ShouldBe("Nguyễn Thị Lan");
    }

    [Fact]
    public async Task the_name_is_stored_without_surrounding_spaces()
    {
        await ReceiveAsync();
        await PostOkAsync(Processing("2026-03-02T10:00:00+07:00", ("handler", "cb-07"), ("handlerName", "  Trần Văn Minh \t")));

        (await GetDossierAsync(Code))["handlerName"]!.GetValue<string>().ShouldBe("Trần Văn Minh");
    }

    [Fact]
    public async Task an_over_long_name_is_a_problem_naming_the_field_and_stores_nothing()
    {
        await ReceiveAsync();

        var response = await PostEventAsync(Processing("2026-03-02T10:00:00+07:00", ("handler", "cb-07"), ("handlerName", new string('N', 201))));

        var problem = await ProblemOf(response, HttpStatusCode.BadRequest);
        problem["errors"]!["handlerName"]![0]!.GetValue<string>().ShouldContain("at most 200");
        (await GetDossierAsync(Code))["timeline"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task a_name_of_spaces_only_is_no_name()
    {
        await ReceiveAsync();
        await PostOkAsync(Processing("2026-03-02T10:00:00+07:00", ("handler", "cb-07"), ("handlerName", "   ")));

        (await GetDossierAsync(Code))["handlerName"].ShouldBeNull();
    }

    [Fact]
    public async Task a_new_handler_without_a_name_does_not_inherit_the_previous_handler_s_name()
    {
        await ReceiveAsync();
        await PostOkAsync(Processing("2026-03-02T10:00:00+07:00", ("handler", "cb-07"), ("handlerName", "Nguyễn Thị Lan")));
        await PostOkAsync(Processing("2026-03-03T10:00:00+07:00", ("handler", "cb-09")));

        var item = await LateItemAsync();
        item["handler"]!.GetValue<string>().ShouldBe("cb-09");
        item["handlerName"].ShouldBeNull();
    }

    [Fact]
    public async Task a_retry_with_the_same_name_is_a_duplicate_and_another_name_a_conflict()
    {
        await ReceiveAsync();
        var first = Processing("2026-03-02T10:00:00+07:00", ("handler", "cb-07"), ("handlerName", "Nguyễn Thị Lan"));
        await PostOkAsync(first);

        (await PostEventAsync(first)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var changed = new Dictionary<string, object?>(first) { ["handlerName"] = "Lê Thị Hoa" };
        (await PostEventAsync(changed)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }
}
