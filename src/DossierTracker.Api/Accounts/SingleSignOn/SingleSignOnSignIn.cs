using DossierTracker.Api.Audit;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Calendar;
using Microsoft.Extensions.Options;

namespace DossierTracker.Api.Accounts.SingleSignOn;

/// <summary>The account to open a session for, or the refusal code.</summary>
public sealed record SingleSignOnResult(Account? Account, string? Refusal);

/// <summary>
/// Turns what the provider vouched for into an account. The account is found by the provider's issuer and subject
/// only, never by email or username: those are typed by people at the provider, and matching on them would let
/// whoever can name a provider user after a local one (an administrator's, say) sign in as that account. A person
/// seen for the first time gets a new account with the role and unit the provider grants; a known one has its role
/// and unit brought in line with the provider at every sign-in, with a new security stamp when they change, so
/// sessions opened under the old scope end. A disabled account, an unknown unit or no usable role is refused and audited.
/// </summary>
public sealed class SingleSignOnSignIn(
    AccountRegistry registry, ReferenceDataCache referenceData, AccountAudit accountAudit, SingleSignOnAudit audit, TrackerClock clock,
    IOptions<SingleSignOnOptions> options)
{
    public async Task<SingleSignOnResult> SignInAsync(ProviderIdentity identity, CancellationToken cancellationToken)
    {
        var access = ClaimedAccess.Of(identity, options.Value);
        var account = await registry.LoadByExternalLoginAsync(identity.Login, cancellationToken);
        if (account is { Disabled: true }) return await RefuseAsync(identity, account, SingleSignOnRefusals.Disabled, null, cancellationToken);
        if (access.Refusal is { } refusal) return await RefuseAsync(identity, account, refusal, null, cancellationToken);

        var profile = new AccountProfile(account?.Username ?? identity.Username, identity.FullName, identity.Email ?? account?.Email ?? "",
            access.Role!, access.UnitCode!);
        var problems = AccountRules.Check(profile, (await referenceData.RefreshAsync(cancellationToken)).Units);
        if (problems.Count > 0)
        {
            var code = problems.Any(p => p.Field == "unit") ? SingleSignOnRefusals.UnknownUnit : SingleSignOnRefusals.InvalidProfile;
            return await RefuseAsync(identity, account, code, string.Join("; ", problems), cancellationToken);
        }

        account ??= await CreateAsync(identity, profile, cancellationToken);
        if (account is null) return await RefuseAsync(identity, null, SingleSignOnRefusals.UsernameTaken, null, cancellationToken);
        var updated = await registry.UpdateAsync(account.Id, a => Aligned(a, profile), cancellationToken,
            (session, before, after) => accountAudit.Enlist(session, AuditActions.AccountChanged, SingleSignOnAudit.Actor(identity.Login), before, after,
                "single sign-on: the provider's claims changed"));
        // Disabled or deleted between the read above and this write.
        if (updated is not { Account: { Disabled: false } current }) return await RefuseAsync(identity, account, SingleSignOnRefusals.Disabled, null, cancellationToken);
        await accountAudit.SignedInAsync(current, SingleSignOnAudit.Method, cancellationToken);
        return new SingleSignOnResult(current, null);
    }

    /// <summary>A new account for the person; when two first sign-ins race, the one that lost finds the winner's account.</summary>
    private async Task<Account?> CreateAsync(ProviderIdentity identity, AccountProfile profile, CancellationToken cancellationToken)
    {
        var account = new Account
        {
            Id = Account.IdOf(profile.Username),
            Username = profile.Username,
            FullName = profile.FullName,
            Email = profile.Email,
            Role = profile.Role,
            UnitCode = profile.UnitCode,
            ExternalLogin = identity.Login,
            SecurityStamp = Account.NewSecurityStamp(),
            CreatedAt = clock.Now,
        };
        var created = await registry.InsertAsync(account,
            session => accountAudit.Enlist(session, AuditActions.AccountCreated, SingleSignOnAudit.Actor(identity.Login), null, account, "single sign-on: first sign-in"),
            cancellationToken);
        return created ? account : await registry.LoadByExternalLoginAsync(identity.Login, cancellationToken);
    }

    /// <summary>The account as the provider now describes it; null when nothing differs. A new scope ends the old sessions.</summary>
    private static Account? Aligned(Account account, AccountProfile profile)
    {
        if (account.Disabled) return null;
        var scoped = account.Role == profile.Role && account.UnitCode == profile.UnitCode
            ? account
            : account.WithNewStamp() with { Role = profile.Role, UnitCode = profile.UnitCode };
        var described = scoped with { FullName = profile.FullName, Email = profile.Email };
        return described == account ? null : described;
    }

    private async Task<SingleSignOnResult> RefuseAsync(ProviderIdentity identity, Account? account, string refusal, string? detail, CancellationToken cancellationToken)
    {
        await audit.RefusedAsync(identity, account, refusal, detail, cancellationToken);
        return new SingleSignOnResult(null, refusal);
    }
}
