using System.Security.Claims;
using DossierTracker.Api.Accounts.SingleSignOn;
using DossierTracker.Api.Security;

namespace DossierTracker.Api.Tests.Accounts.SingleSignOn;

/// <summary>How the provider's claims become a role and a unit, and a username: pure, no host.</summary>
public sealed class ClaimedAccessTests
{
    private static readonly SingleSignOnOptions Options = new()
    {
        GroupMappings =
        [
            new GroupMapping { Group = "/tinh/quan-tri", Role = Roles.Admin, Unit = "000.00.00.H99" },
            new GroupMapping { Group = "/tinh/tu-phap", Role = Roles.Supervisor, Unit = "000.00.01.H99" },
        ],
    };

    private static ProviderIdentity Identity(params (string Type, string Value)[] claims) => ProviderIdentity.From(new ClaimsPrincipal(new ClaimsIdentity(
        [new Claim("iss", "https://sso.tinh.gov.vn/realms/tinh"), new Claim("sub", "f3b1c2"), .. claims.Select(c => new Claim(c.Type, c.Value))])), Options)!;

    [Fact]
    public void the_role_and_unit_claims_win_over_the_group_mappings()
    {
        var access = ClaimedAccess.Of(Identity(("role", Roles.Supervisor), ("unit_code", "000.00.11.H99"), ("groups", "/tinh/quan-tri")), Options);

        access.ShouldBe(new ClaimedAccess(Roles.Supervisor, "000.00.11.H99", null));
    }

    [Fact]
    public void the_first_mapping_whose_group_the_person_is_in_gives_role_and_unit()
    {
        var access = ClaimedAccess.Of(Identity(("groups", "/tinh/tu-phap"), ("groups", "/tinh/quan-tri")), Options);

        access.ShouldBe(new ClaimedAccess(Roles.Admin, "000.00.00.H99", null));
    }

    [Fact]
    public void two_different_tracker_roles_are_refused_rather_than_guessed_between()
    {
        var access = ClaimedAccess.Of(Identity(("role", Roles.Supervisor), ("role", Roles.Admin), ("unit_code", "000.00.11.H99")), Options);

        access.Refusal.ShouldBe(SingleSignOnRefusals.AmbiguousRole);
    }

    [Fact]
    public void two_units_are_refused()
    {
        var access = ClaimedAccess.Of(Identity(("role", Roles.Supervisor), ("unit_code", "000.00.11.H99"), ("unit_code", "000.00.12.H99")), Options);

        access.Refusal.ShouldBe(SingleSignOnRefusals.AmbiguousUnit);
    }

    [Fact]
    public void a_role_without_a_unit_is_refused()
    {
        ClaimedAccess.Of(Identity(("role", Roles.Supervisor)), Options).Refusal.ShouldBe(SingleSignOnRefusals.NoUnit);
    }

    [Fact]
    public void an_email_shaped_username_keeps_its_shape_within_the_allowed_characters()
    {
        Identity(("preferred_username", "Minh.Tran@tinh.gov.vn")).Username.ShouldBe("Minh.Tran-tinh.gov.vn");
    }

    [Fact]
    public void without_a_usable_username_one_is_derived_from_the_subject_the_same_every_time()
    {
        var first = Identity(("preferred_username", "ơ"));
        var again = Identity();

        first.Username.ShouldStartWith("sso-");
        again.Username.ShouldBe(first.Username);
    }

    [Fact]
    public void a_token_without_a_subject_identifies_nobody()
    {
        ProviderIdentity.From(new ClaimsPrincipal(new ClaimsIdentity([new Claim("iss", "https://sso.tinh.gov.vn")])), Options).ShouldBeNull();
    }
}
