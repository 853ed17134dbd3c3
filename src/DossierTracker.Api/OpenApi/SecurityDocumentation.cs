using DossierTracker.Api.Http;
using DossierTracker.Api.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DossierTracker.Api.OpenApi;

/// <summary>
/// API keys: as a bearer token or in <c>X-Api-Key</c>. Every operation that needs a key says so, with the roles its
/// authorization policy allows (read from the policy itself) and the 401/403 it can answer.
/// </summary>
internal sealed class SecurityDocumentation(IAuthorizationPolicyProvider policies) : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string BearerScheme = "bearer";
    public const string HeaderScheme = "apiKey";
    public const string KeyHeader = "X-Api-Key";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "API key",
            Description = "`Authorization: Bearer <api-key>`. Keys are created with `keys create --role R --unit CODE --name TEXT`.",
        };
        document.Components.SecuritySchemes[HeaderScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = KeyHeader,
            Description = $"`{KeyHeader}: <api-key>`, the same key as the bearer token.",
        };
        return Task.CompletedTask;
    }

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any()) return;
        var policyName = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);
        var roles = policyName is null ? null : (await policies.GetPolicyAsync(policyName))?.Requirements
            .OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).ToList();

        var document = context.Document!;
        operation.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(HeaderScheme, document)] = [] },
        ];
        var who = roles is { Count: > 0 } ? $"a key with role {string.Join(" or ", roles.Select(r => $"`{r}`"))}" : "any valid key";
        var scope = policyName is Policies.Ingest or Policies.Supervise ? ", acting only on its scope unit and the units below it" : "";
        operation.Description = $"{operation.Description}\n\n**Authorization**: {who}{scope}.".TrimStart();

        var doc = new OperationDoc(operation, context, cancellationToken);
        doc.Problems(ProblemCatalogue.Unauthorized);
        if (roles is { Count: > 0 }) doc.Problems(ProblemCatalogue.Forbidden);
    }
}
