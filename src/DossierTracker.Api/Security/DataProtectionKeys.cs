using System.Xml.Linq;
using Marten;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace DossierTracker.Api.Security;

/// <summary>A data-protection key (what signs and encrypts the dashboard's session cookies), kept in the database.</summary>
public sealed record DataProtectionKey(string Id, string Xml);

/// <summary>
/// Keeps the data-protection key ring in PostgreSQL, so dashboard sessions survive a restart and every instance of the
/// tracker can read every other's cookies. (The framework's default, a folder on local disk, gives neither.)
/// The interface is synchronous; the key manager calls it rarely (start, key rotation) and caches the ring.
/// </summary>
public sealed class DatabaseXmlRepository(IDocumentStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => LoadAsync().GetAwaiter().GetResult();

    public void StoreElement(XElement element, string friendlyName) =>
        StoreAsync(new DataProtectionKey(friendlyName, element.ToString(SaveOptions.DisableFormatting))).GetAwaiter().GetResult();

    private async Task<IReadOnlyCollection<XElement>> LoadAsync()
    {
        await using var session = store.QuerySession();
        var keys = await session.Query<DataProtectionKey>().ToListAsync();
        return keys.Select(key => XElement.Parse(key.Xml)).ToList();
    }

    private async Task StoreAsync(DataProtectionKey key)
    {
        await using var session = store.LightweightSession();
        session.Store(key);
        await session.SaveChangesAsync();
    }
}

public static class DataProtectionSetup
{
    public static IServiceCollection AddTrackerDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("DossierTracker");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(options =>
            options.XmlRepository = new DatabaseXmlRepository(provider.GetRequiredService<IDocumentStore>())));
        return services;
    }
}
