using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.Reports;

/// <summary>
/// Decision 766 indicator 2.1 by the rule of contract version 2, through the API: July 2022 at Sở Tư pháp, every
/// dossier received 4 July 09:00 and due 7 July 09:00 unless a step says otherwise.
/// </summary>
public sealed class Indicator766Tests(TrackerApp app) : ApiScenario(app)
{
    private const string ReceivedAt = "2022-07-04T09:00:00+07:00";
    private const string DueAt = "2022-07-07T09:00:00+07:00";

    private async Task Story(string code, params (string Type, string At, (string, object?)[] Fields)[] steps)
    {
        await PostOkAsync(Received(code, ReceivedAt, unitCode: TestProvince.Justice, dueAt: DueAt));
        foreach (var (type, at, fields) in steps) await PostOkAsync(Event(type, code, at, fields: fields));
    }

    private static (string, string, (string, object?)[]) Step(string type, string at) => (type, at, []);
    private static (string, string, (string, object?)[]) Paused(string at, string reason = "supplement") => ("paused", at, [("reason", reason)]);
    private static (string, string, (string, object?)[]) Resumed(string at, string dueAt) => ("resumed", at, [("dueAt", dueAt)]);

    private async Task<JsonObject> JusticeAsync(string month = "2022-07")
    {
        var response = await GetAsync($"/api/reports/monthly?month={month}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["rows"]!.AsArray().Select(r => r!.AsObject())
            .Single(r => r["unitCode"]?.GetValue<string>() == TestProvince.Justice);
    }

    private static int F(JsonObject row, string figure) => row[figure]!.GetValue<int>();

    [Fact]
    public async Task withdrawn_and_stopped_dossiers_count_as_on_time_when_closed_within_due()
    {
        await Story("W1", Step("withdrawn", "2022-07-07T09:00:00+07:00"));   // at the due time itself: on time
        await Story("W2", Step("withdrawn", "2022-07-07T09:01:00+07:00"));
        await Story("S1", Step("stopped", "2022-07-05T15:00:00+07:00"));     // on time
        await Story("S2", Step("stopped", "2022-07-12T10:00:00+07:00"));

        var justice = await JusticeAsync();

        (F(justice, "received"), F(justice, "withdrawnOrStopped"), F(justice, "onTime766")).ShouldBe((4, 4, 2));
        justice["indicator766"]!.GetValue<double>().ShouldBe(0.5);
        justice["points766"]!.GetValue<double>().ShouldBe(10);
    }

    [Fact]
    public async Task a_dossier_paused_at_the_end_is_judged_by_when_its_pause_began()
    {
        await Story("P1", Paused("2022-07-06T10:00:00+07:00", "payment"));                 // before the due time: on time
        await Story("P2", Paused("2022-07-08T10:00:00+07:00", "payment"));                 // after it
        await Story("P3", Paused("2022-07-06T10:00:00+07:00", "payment"), Paused("2022-07-08T10:00:00+07:00", "other"));  // the first pause counts

        var justice = await JusticeAsync();

        F(justice, "inProgressOnTime").ShouldBe(3, "form 06 still counts every paused dossier as in progress on time");
        F(justice, "onTime766").ShouldBe(2);
    }

    [Fact]
    public async Task a_second_supplement_request_makes_a_dossier_never_on_time()
    {
        await Story("ONE", Paused("2022-07-05T09:00:00+07:00"), Resumed("2022-07-05T15:00:00+07:00", "2022-07-08T09:00:00+07:00"),
            Step("resolved", "2022-07-07T10:00:00+07:00"));                               // one request: resolved within due
        await Story("TWO", Paused("2022-07-05T09:00:00+07:00"), Resumed("2022-07-05T15:00:00+07:00", "2022-07-08T09:00:00+07:00"),
            Paused("2022-07-06T09:00:00+07:00"), Resumed("2022-07-06T15:00:00+07:00", "2022-07-09T09:00:00+07:00"),
            Step("resolved", "2022-07-07T10:00:00+07:00"));                               // two: late however early it finished
        await Story("OPEN", Paused("2022-07-05T09:00:00+07:00"), Paused("2022-07-05T10:00:00+07:00"));   // two requests in one pause

        var justice = await JusticeAsync();

        (F(justice, "received"), F(justice, "resolvedEarly") + F(justice, "resolvedOnTime"), F(justice, "onTime766")).ShouldBe((3, 2, 1));
    }

    [Fact]
    public async Task supplement_requests_before_the_month_count_in_it()
    {
        await PostOkAsync(Received("JUNE", "2022-06-20T09:00:00+07:00", unitCode: TestProvince.Justice, dueAt: "2022-06-23T09:00:00+07:00"));
        await PostOkAsync(Event("paused", "JUNE", "2022-06-21T09:00:00+07:00", fields: [("reason", "supplement")]));
        await PostOkAsync(Event("resumed", "JUNE", "2022-06-22T09:00:00+07:00", fields: [("dueAt", "2022-07-25T09:00:00+07:00")]));
        await PostOkAsync(Event("paused", "JUNE", "2022-06-24T09:00:00+07:00", fields: [("reason", "supplement")]));
        await PostOkAsync(Event("resumed", "JUNE", "2022-06-27T09:00:00+07:00", fields: [("dueAt", "2022-07-26T09:00:00+07:00")]));
        await PostOkAsync(Event("resolved", "JUNE", "2022-07-04T09:00:00+07:00"));

        var justice = await JusticeAsync();

        (F(justice, "carriedOver"), F(justice, "resolvedEarly"), F(justice, "onTime766")).ShouldBe((1, 1, 0));
    }

    [Fact]
    public async Task the_trend_carries_the_numerator_month_by_month()
    {
        await Story("T1", Step("withdrawn", "2022-07-05T09:00:00+07:00"));
        await Story("T2");                                                              // open, overdue from 7 July
        await Story("T3", Paused("2022-07-06T09:00:00+07:00"));                         // paused within due, into August

        var response = await GetAsync($"/api/reports/trend?unit={TestProvince.Justice}&from=2022-06&to=2022-08");
        var months = (await response.Content.ReadFromJsonAsync<JsonObject>())!["months"]!.AsArray().Select(m => m!.AsObject()).ToList();

        months.Select(m => (F(m, "received"), F(m, "onTime766"))).ShouldBe([(0, 0), (3, 2), (2, 1)]);
        months[1]["indicator766"]!.GetValue<double>().ShouldBe(2.0 / 3);
    }

    [Fact]
    public async Task the_dossier_view_judges_a_withdrawal_within_due_on_time()
    {
        await Story("VIEW", Step("withdrawn", "2022-07-05T09:00:00+07:00"));

        (await GetDossierAsync("VIEW"))["onTimeBy766"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task the_dossier_view_judges_an_open_dossier_as_of_now()
    {
        await Story("OVERDUE");

        (await GetDossierAsync("OVERDUE"))["onTimeBy766"]!.GetValue<bool>().ShouldBeFalse();
    }
}
