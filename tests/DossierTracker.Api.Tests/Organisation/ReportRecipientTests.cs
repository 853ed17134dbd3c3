using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.Tests.Exports;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.Organisation;

/// <summary>"Đơn vị nhận báo cáo" as a setting of each unit (PUT /api/units <c>reportRecipient</c>), read by form 06.</summary>
public sealed class ReportRecipientTests(TrackerApp app) : ApiScenario(app)
{
    private const string Office = "Văn phòng Ủy ban nhân dân tỉnh Thử Nghiệm";

    private static object Justice(string? reportRecipient) =>
        new { code = TestProvince.Justice, name = "Sở Tư pháp", level = "department", parentCode = TestProvince.Province, reportRecipient };

    private async Task<JsonObject> UnitAsync(string code) =>
        (await (await GetAsync("/api/units")).Content.ReadFromJsonAsync<JsonArray>())!
        .Single(u => u!["code"]!.GetValue<string>() == code)!.AsObject();

    private async Task<string> RecipientLineAsync(string unit)
    {
        var response = await GetAsync($"/api/reports/monthly?month=2022-08&unit={unit}&format=xlsx");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return new XlsxSheet(await response.Content.ReadAsByteArrayAsync()).Text("H2");
    }

    [Fact]
    public async Task a_unit_s_report_recipient_is_stored_and_returned()
    {
        (await SendAsync(HttpMethod.Put, "/api/units", new[] { Justice(Office) }, AdminKey)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await UnitAsync(TestProvince.Justice))["reportRecipient"]!.GetValue<string>().ShouldBe(Office);
        (await UnitAsync(TestProvince.Environment)).ContainsKey("reportRecipient").ShouldBeFalse();
    }

    [Fact]
    public async Task form_06_names_the_unit_s_own_recipient()
    {
        (await SendAsync(HttpMethod.Put, "/api/units", new[] { Justice(Office) }, AdminKey)).EnsureSuccessStatusCode();

        (await RecipientLineAsync(TestProvince.Justice)).ShouldBe($"Đơn vị nhận báo cáo: {Office}");
    }

    [Fact]
    public async Task without_a_recipient_form_06_names_the_parent_unit()
    {
        (await SendAsync(HttpMethod.Put, "/api/units", new[] { Justice(Office) }, AdminKey)).EnsureSuccessStatusCode();
        (await SendAsync(HttpMethod.Put, "/api/units", new[] { Justice(null) }, AdminKey)).EnsureSuccessStatusCode();

        (await RecipientLineAsync(TestProvince.Justice)).ShouldBe("Đơn vị nhận báo cáo: Tỉnh Thử Nghiệm");
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData("   ", 1)]
    [InlineData("x", 301)]
    public async Task a_blank_or_too_long_recipient_is_400_and_nothing_is_stored(string text, int times)
    {
        var problem = await ProblemOf(await SendAsync(HttpMethod.Put, "/api/units",
            new[] { Justice(string.Concat(Enumerable.Repeat(text, times))) }, AdminKey), HttpStatusCode.BadRequest);

        problem["errors"]!["[0]"]![0]!.GetValue<string>().ShouldStartWith("reportRecipient");
        (await UnitAsync(TestProvince.Justice)).ContainsKey("reportRecipient").ShouldBeFalse();
    }
}
