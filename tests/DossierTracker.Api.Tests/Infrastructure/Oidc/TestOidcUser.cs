namespace DossierTracker.Api.Tests.Infrastructure.Oidc;

/// <summary>
/// A person the test provider knows. <see cref="Claims"/> go into the id token as they are (a claim with several
/// values becomes a JSON array, as Keycloak sends groups).
/// </summary>
public sealed record TestOidcUser(string Subject, string Username, string Name, string? Email, IReadOnlyDictionary<string, string[]> Claims)
{
    public static TestOidcUser With(string username, params (string Type, string[] Values)[] claims) => new(
        $"sub-{Guid.NewGuid():N}", username, "Trần Văn Minh", $"{username}@tinh.gov.vn",
        claims.ToDictionary(c => c.Type, c => c.Values));
}
