using DossierTracker.Api.Security;
using JasperFx;
using Marten;
using Marten.Exceptions;
using Microsoft.Extensions.Options;

namespace DossierTracker.Api.Accounts;

/// <summary>
/// Reads and writes accounts. Sessions re-check their account on every request through <see cref="FindAsync"/>, which
/// caches for <see cref="SecurityOptions.KeyCacheSeconds"/> as keys do: a change made on another node (or by the
/// command line) reaches this one within that time, one made here at once.
/// </summary>
public sealed class AccountRegistry(IDocumentStore store, TimeProvider time, IOptions<SecurityOptions> options)
{
    /// <summary>Far more than two nodes' simultaneous sign-ins to one account ever need; a bound, not a working size.</summary>
    private const int MaximumTries = 20;

    private readonly BoundedCache<Account> _cache = new(options.Value.KeyCacheEntries);

    public async Task<Account?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGet(id, now, out var cached)) return cached;
        var account = await LoadAsync(id, cancellationToken);
        if (account is null) _cache.Remove(id);
        else _cache.Set(id, account, now.AddSeconds(options.Value.KeyCacheSeconds), now);
        return account;
    }

    /// <summary>The stored account, uncached: for sign-in, which must see every failure counted so far.</summary>
    public async Task<Account?> LoadAsync(string id, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<Account>(id, cancellationToken);
    }

    /// <summary>The account single sign-on created for this issuer and subject, uncached; null when there is none.</summary>
    public async Task<Account?> LoadByExternalLoginAsync(ExternalLogin login, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.Query<Account>()
            .FirstOrDefaultAsync(a => a.ExternalLogin!.Issuer == login.Issuer && a.ExternalLogin.Subject == login.Subject, cancellationToken);
    }

    /// <summary>False when the username is taken (in any case). <paramref name="alongside"/> adds writes that commit with it.</summary>
    public async Task<bool> InsertAsync(Account account, Action<IDocumentSession> alongside, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.Insert(account);
        alongside(session);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DocumentAlreadyExistsException)
        {
            return false;
        }
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the stored account and writes the result, unless another writer got there
    /// first: then it reads again and applies the change to what that writer left. <paramref name="change"/> may be
    /// called more than once and must only compute; null means "no change". Returns the account as stored after, and
    /// whether this call changed it; null when there is no such account. <paramref name="alongside"/> (given the account
    /// before and after) adds writes that commit with the change, such as its audit entry.
    /// </summary>
    public async Task<(Account Account, bool Changed)?> UpdateAsync(string id, Func<Account, Account?> change, CancellationToken cancellationToken,
        Action<IDocumentSession, Account, Account>? alongside = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var current = await session.LoadAsync<Account>(id, cancellationToken);
            if (current is null) return null;
            if (change(current) is not { } changed) return (current, false);
            session.Store(changed);
            alongside?.Invoke(session, current, changed);
            try
            {
                await session.SaveChangesAsync(cancellationToken);
                _cache.Remove(id);
                return (changed, true);
            }
            catch (ConcurrencyException) when (attempt < MaximumTries)
            {
            }
        }
    }

    public async Task<IReadOnlyList<Account>> ListAsync(CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.Query<Account>().OrderBy(a => a.Id).ToListAsync(cancellationToken);
    }
}
