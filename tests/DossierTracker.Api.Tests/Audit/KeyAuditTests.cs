using DossierTracker.Api.Audit;
using DossierTracker.Api.Security;
using DossierTracker.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DossierTracker.Api.Tests.Audit;

/// <summary>Creating and revoking a key are entries in the key's unit, naming the key but never its secret.</summary>
public sealed class KeyAuditTests(TrackerApp app) : AuditScenario(app)
{
    private ApiKeyRegistry Registry => App.Host.Services.GetRequiredService<ApiKeyRegistry>();
    private static readonly AuditedChange ByOperator = new(AuditActor.System("command-line", "operator"), "Cán bộ mới của huyện");

    [Fact]
    public async Task creating_a_key_records_its_role_unit_and_name_but_not_its_secret()
    {
        var key = await Registry.CreateAsync(Roles.Supervisor, TestProvince.DistrictA, "Huyện Cao Phong – giám sát", ByOperator, CancellationToken.None);

        var entry = (await EntriesAsync("action=key.created&unit=" + TestProvince.DistrictA)).ShouldHaveSingleItem();
        ApiKeySecret.TryParse(key, out var id, out var secret).ShouldBeTrue();
        Text(entry, "subject").ShouldBe(id);
        Text(entry, "after.role").ShouldBe(Roles.Supervisor);
        Text(entry, "after.name").ShouldBe("Huyện Cao Phong – giám sát");
        Text(entry, "actor.kind").ShouldBe("system");
        Text(entry, "reason").ShouldBe("Cán bộ mới của huyện");
        entry.ToJsonString().ShouldNotContain(secret);
    }

    [Fact]
    public async Task revoking_a_key_records_when_and_revoking_it_again_records_nothing_more()
    {
        var key = await Registry.CreateAsync(Roles.Supervisor, TestProvince.DistrictA, "to revoke", ByOperator, CancellationToken.None);

        (await Registry.RevokeAsync(key, ByOperator, CancellationToken.None)).ShouldBeTrue();
        (await Registry.RevokeAsync(key, ByOperator, CancellationToken.None)).ShouldBeTrue();

        var entry = (await EntriesAsync("action=key.revoked")).ShouldHaveSingleItem();
        entry["before"]!["revokedAt"].ShouldBeNull();
        entry["after"]!["revokedAt"].ShouldNotBeNull();
    }
}
