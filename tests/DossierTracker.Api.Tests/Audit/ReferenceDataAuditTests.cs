using System.Net;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.Audit;

/// <summary>Every change of units, procedures and calendar years is an entry with who, what before and after, and why.</summary>
public sealed class ReferenceDataAuditTests(TrackerApp app) : AuditScenario(app)
{
    [Fact]
    public async Task renaming_a_unit_records_only_that_unit_with_before_after_reason_and_actor()
    {
        var renamed = new { code = TestProvince.DistrictA, name = "Huyện Cao Phong mới", level = "district", parentCode = TestProvince.Province };
        var unchanged = TestProvince.Units[1];

        var response = await SendAsync(HttpMethod.Put, "/api/units?reason=" + Uri.EscapeDataString("Đổi tên theo Nghị quyết 12/NQ"),
            new[] { renamed, unchanged }, AdminKey);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var entry = (await EntriesAsync("action=unit.changed")).ShouldHaveSingleItem();
        Text(entry, "subject").ShouldBe(TestProvince.DistrictA);
        Text(entry, "unitCode").ShouldBe(TestProvince.DistrictA);
        Text(entry, "before.name").ShouldBe("Huyện Cao Phong");
        Text(entry, "after.name").ShouldBe("Huyện Cao Phong mới");
        Text(entry, "reason").ShouldBe("Đổi tên theo Nghị quyết 12/NQ");
        Text(entry, "actor.kind").ShouldBe("key");
        Text(entry, "actor.name").ShouldBe("test admin");
    }

    [Fact]
    public async Task loading_the_tree_records_each_new_unit_without_a_before()
    {
        var created = await EntriesAsync("action=unit.created&pageSize=500");

        created.Select(e => Text(e, "subject")).Order(StringComparer.Ordinal).ShouldBe(new[]
        {
            TestProvince.Province, TestProvince.Justice, TestProvince.Environment, TestProvince.DistrictA, TestProvince.DistrictB,
            TestProvince.CommuneA1, TestProvince.CommuneB1,
        }.Order(StringComparer.Ordinal));
        created.ShouldAllBe(e => e["before"] == null);
    }

    [Fact]
    public async Task a_change_without_a_reason_still_succeeds_and_records_none()
    {
        var longer = new { code = TestProvince.BirthRegistration, name = "Đăng ký khai sinh", processingTime = new { value = 5, unit = "working-days" } };

        var response = await SendAsync(HttpMethod.Put, "/api/procedures", new[] { longer }, AdminKey);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var entry = (await EntriesAsync("action=procedure.changed")).ShouldHaveSingleItem();
        entry["reason"].ShouldBeNull();
        entry["unitCode"].ShouldBeNull();
        entry["before"]!["processingTime"]!["value"]!.GetValue<int>().ShouldBe(3);
        entry["after"]!["processingTime"]!["value"]!.GetValue<int>().ShouldBe(5);
    }

    [Fact]
    public async Task correcting_a_calendar_year_records_the_year_before_and_after()
    {
        var response = await SendAsync(HttpMethod.Put, "/api/calendar/2026?reason=" + Uri.EscapeDataString("Nghỉ bù Quốc khánh"),
            new { holidays = new[] { "2026-09-02", "2026-09-03" }, workingDays = Array.Empty<string>() }, AdminKey);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var entry = (await EntriesAsync("action=calendar-year.corrected")).ShouldHaveSingleItem();
        Text(entry, "subject").ShouldBe("2026");
        Text(entry, "before.source").ShouldBe("official-table");
        Text(entry, "after.source").ShouldBe("operator");
        entry["after"]!["holidays"]!.AsArray().Select(d => d!.GetValue<string>()).ShouldBe(["2026-09-02", "2026-09-03"]);
        Text(entry, "reason").ShouldBe("Nghỉ bù Quốc khánh");
    }

    [Fact]
    public async Task a_refused_tree_leaves_no_entry()
    {
        var before = (await AuditAsync())["total"]!.GetValue<int>();
        var orphan = new { code = "000.99.99.H99", name = "Xã mồ côi", level = "commune", parentCode = "no-such-district" };

        var response = await SendAsync(HttpMethod.Put, "/api/units?reason=test", new[] { orphan }, AdminKey);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await AuditAsync())["total"]!.GetValue<int>().ShouldBe(before);
    }

    [Fact]
    public async Task a_field_name_conflict_refused_under_the_lock_leaves_no_entry()
    {
        var first = new { code = "P-1", name = "A", processingTime = new { value = 1, unit = "working-days" }, field = new { code = "F", name = "Đất đai" } };
        (await SendAsync(HttpMethod.Put, "/api/procedures", new[] { first }, AdminKey)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var before = (await AuditAsync())["total"]!.GetValue<int>();
        var conflicting = new { code = "P-2", name = "B", processingTime = new { value = 1, unit = "working-days" }, field = new { code = "F", name = "Đất" } };

        var response = await SendAsync(HttpMethod.Put, "/api/procedures", new[] { conflicting }, AdminKey);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await AuditAsync())["total"]!.GetValue<int>().ShouldBe(before);
    }

    [Fact]
    public async Task a_reason_with_control_characters_is_a_validation_problem_and_changes_nothing()
    {
        var renamed = new { code = TestProvince.Justice, name = "Sở Tư pháp mới", level = "department", parentCode = TestProvince.Province };

        var response = await SendAsync(HttpMethod.Put, "/api/units?reason=" + Uri.EscapeDataString("a\u0007b"), new[] { renamed }, AdminKey);

        var problem = await ProblemOf(response, HttpStatusCode.BadRequest);
        problem["errors"]!["reason"].ShouldNotBeNull();
        (await EntriesAsync("action=unit.changed")).ShouldBeEmpty();
    }
}
