namespace DossierTracker.Api.OpenApi;

public static class Configuration
{
    /// <summary>The OpenAPI document at /openapi/v1.json, completed by the transformers of this folder.</summary>
    public static IServiceCollection AddOpenApiDocs(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddSchemaTransformer<WireFormatSchemas>();
            // Endpoint documentation first: it replaces the framework's placeholder responses, security then adds 401/403.
            options.AddOperationTransformer<EndpointDocumentation>();
            options.AddOperationTransformer<SecurityDocumentation>();
            options.AddDocumentTransformer<SecurityDocumentation>();
            options.AddDocumentTransformer<DocumentDescription>();
        });
}
