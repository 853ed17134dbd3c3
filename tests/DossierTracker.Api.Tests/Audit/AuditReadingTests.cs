using System.Net;
using DossierTracker.Api.Security;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.Audit;

/// <summary><c>GET /api/audit</c>: admins only, scoped, newest first, paged and filtered; bad filters are problems.</summary>
public sealed class AuditReadingTests(TrackerApp app) : AuditScenario(app)
{
    private static object Unit(string code, string name, string level, string parent) => new { code, name, level, parentCode = parent };

    [Fact]
    public async Task a_district_admin_reads_its_units_and_its_own_actions_but_not_other_districts_or_province_wide_changes()
    {
        var districtAdmin = await App.CreateKeyAsync(Roles.Admin, TestProvince.DistrictA, "district admin");
        (await SendAsync(HttpMethod.Put, "/api/units", new[] { Unit(TestProvince.CommuneB1, "Xã Tú Lý mới", "commune", TestProvince.DistrictB) }, AdminKey))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        // Procedures are province-wide; this admin may change them, and then reads its own entry.
        (await SendAsync(HttpMethod.Put, "/api/procedures",
            new[] { new { code = "P-9", name = "Mới", processingTime = new { value = 1, unit = "working-days" } } }, districtAdmin)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var seen = await EntriesAsync("pageSize=500", districtAdmin);

        seen.Where(e => e["unitCode"] is not null).Select(e => Text(e, "unitCode")).Distinct().Order()
            .ShouldBe(new[] { TestProvince.DistrictA, TestProvince.CommuneA1 }.Order());
        seen.Where(e => e["unitCode"] is null).ShouldHaveSingleItem()["subject"]!.GetValue<string>().ShouldBe("P-9");
    }

    [Fact]
    public async Task the_province_admin_reads_province_wide_changes_made_by_others()
    {
        var districtAdmin = await App.CreateKeyAsync(Roles.Admin, TestProvince.DistrictA, "district admin");
        await SendAsync(HttpMethod.Put, "/api/procedures",
            new[] { new { code = "P-9", name = "Mới", processingTime = new { value = 1, unit = "working-days" } } }, districtAdmin);

        var entry = (await EntriesAsync("subject=P-9")).ShouldHaveSingleItem();

        Text(entry, "actor.name").ShouldBe("district admin");
    }

    [Fact]
    public async Task entries_come_newest_first_in_pages_with_the_total()
    {
        foreach (var name in new[] { "Một", "Hai", "Ba" })
        {
            App.Clock.Advance(TimeSpan.FromMinutes(5));
            await SendAsync(HttpMethod.Put, "/api/units", new[] { Unit(TestProvince.Justice, name, "department", TestProvince.Province) }, AdminKey);
        }

        var second = await AuditAsync("action=unit.changed&pageSize=2&page=2");
        var first = await EntriesAsync("action=unit.changed&pageSize=2&page=1");

        second["total"]!.GetValue<int>().ShouldBe(3);
        Text(second["items"]!.AsArray().ShouldHaveSingleItem(), "after.name").ShouldBe("Một");
        first.Select(e => Text(e, "after.name")).ShouldBe(["Ba", "Hai"]);
    }

    [Fact]
    public async Task from_and_to_are_local_dates_inclusive()
    {
        App.Clock.Advance(TimeSpan.FromDays(2));
        await SendAsync(HttpMethod.Put, "/api/units", new[] { Unit(TestProvince.Justice, "Sau hai ngày", "department", TestProvince.Province) }, AdminKey);
        var day = VietnamDate(App.Clock.GetUtcNow());

        (await EntriesAsync($"from={day}&to={day}")).ShouldHaveSingleItem()["subject"]!.GetValue<string>().ShouldBe(TestProvince.Justice);
        (await EntriesAsync($"to={VietnamDate(App.Clock.GetUtcNow().AddDays(-1))}&pageSize=500")).ShouldNotContain(e => Text(e, "after.name") == "Sau hai ngày");
    }

    [Fact]
    public async Task actor_filter_matches_the_key_name_or_id()
    {
        var other = await App.CreateKeyAsync(Roles.Admin, TestProvince.Province, "other admin");
        await SendAsync(HttpMethod.Put, "/api/units", new[] { Unit(TestProvince.Justice, "Đổi", "department", TestProvince.Province) }, other);

        (await EntriesAsync("actor=" + Uri.EscapeDataString("other admin"))).ShouldHaveSingleItem();
        ApiKeySecret.TryParse(other, out var id, out _).ShouldBeTrue();
        (await EntriesAsync("actor=" + id)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task a_unit_outside_the_scope_is_forbidden_and_an_unknown_one_unprocessable()
    {
        var districtAdmin = await App.CreateKeyAsync(Roles.Admin, TestProvince.DistrictA, "district admin");

        await ProblemOf(await GetAsync("/api/audit?unit=" + TestProvince.DistrictB, districtAdmin), HttpStatusCode.Forbidden);
        await ProblemOf(await GetAsync("/api/audit?unit=nowhere", AdminKey), HttpStatusCode.UnprocessableEntity);
    }

    [Theory]
    [InlineData("from=2026-03-10&to=2026-03-09", "to")]
    [InlineData("from=10/03/2026", "from")]
    [InlineData("action=unit.deleted", "action")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("page=x", "page")]
    public async Task a_bad_filter_is_a_validation_problem_naming_it(string query, string parameter)
    {
        var problem = await ProblemOf(await GetAsync("/api/audit?" + query, AdminKey), HttpStatusCode.BadRequest);

        problem["errors"]![parameter].ShouldNotBeNull();
    }

    [Fact]
    public async Task supervisors_may_not_read_the_trail()
    {
        await ProblemOf(await GetAsync("/api/audit", SupervisorKey), HttpStatusCode.Forbidden);
    }

    private static string VietnamDate(DateTimeOffset instant) => DossierTracker.Calendar.VietnamTime.LocalDate(instant).ToString("yyyy-MM-dd");
}
