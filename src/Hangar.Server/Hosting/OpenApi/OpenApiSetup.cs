using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.Listeners;
using Microsoft.OpenApi;

namespace Hangar.Server.Hosting.OpenApi;

/// <summary>
/// The Admin API's OpenAPI document. It is also generated at build time into <c>docs/openapi/</c> and committed, so
/// every API change shows in review; a test checks the committed file matches the running server. Features describe
/// their own metadata by configuring the named <c>OpenApiOptions</c> of <see cref="DocumentName"/>.
/// </summary>
internal static class OpenApiSetup
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddHangarOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            // HEAD, answered on every GET route, is described once in docs/api.md rather than next to every GET.
            options.ShouldInclude = description => description.HttpMethod != HttpMethods.Head
                && description.ActionDescriptor.EndpointMetadata.OfType<ListenerAttribute>().All(l => l.Kinds.All(k => k == ListenerKind.Admin));
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Hangar Admin API",
                    Version = "v1",
                    Description = "Fleet management: organizations, access, firmware, devices, releases. Conventions: docs/api.md.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["api_key"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "An API key: 'Authorization: Bearer hgr_...'.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("api_key", document)] = [] }];
                // Relative: the document is served by (and describes) the admin listener it is fetched from.
                document.Servers = [new OpenApiServer { Url = "/", Description = "The admin listener this document is served from (Server:AdminUrl)." }];
                OpenApiProblemResponses.AddSchema(document);
                OpenApiOperationIds.Assign(document);
                OpenApiTags.Describe(document);
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (metadata.OfType<AnonymousAttribute>().Any())
                {
                    operation.Security = [];
                }

                if (metadata.OfType<RequiresPermissionAttribute>().FirstOrDefault() is { } permission)
                {
                    operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                    operation.Extensions["x-hangar-permission"] = new JsonNodeExtension(permission.Permission.ToString());
                }

                OpenApiProblemResponses.Add(operation, context);
                return Task.CompletedTask;
            });
        });
}
