using System.Text.RegularExpressions;
using Hangar.Server.Hosting.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Hangar.Server.Hosting.OpenApi;

/// <summary>
/// The 4xx answers every route can give, from what the route is (handlers return <c>ProblemHttpResult</c> for all
/// their errors, which the generator cannot see through): 400 for a request with parameters or a body, 401 unless
/// anonymous, 403 when a permission is required, 404 for a route naming a resource, 429 everywhere (rate limits).
/// All are RFC 9457 problem documents with a stable <c>code</c>.
/// </summary>
internal static partial class OpenApiProblemResponses
{
    public const string SchemaName = "Problem";

    public static void Add(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var route = context.Description.RelativePath ?? "";
        var anonymous = metadata.OfType<AnonymousAttribute>().Any();
        operation.Responses ??= [];
        if ((operation.Parameters?.Count ?? 0) > 0 || operation.RequestBody is not null)
        {
            AddProblem(operation, context, "400", "The request is malformed or invalid (`validation_failed`, `invalid_parameter`, …).");
        }

        if (!anonymous)
        {
            AddProblem(operation, context, "401", "No valid API key or session (`unauthenticated`).");
        }

        if (metadata.OfType<RequiresPermissionAttribute>().Any())
        {
            AddProblem(operation, context, "403", "The caller's role lacks the permission (`insufficient_role`).");
        }

        if (RouteParameter().IsMatch(route))
        {
            AddProblem(operation, context, "404", "No such resource in the caller's organization (`not_found`).");
        }

        AddProblem(operation, context, "429", "Rate limited (`rate_limited`); retry after `Retry-After` seconds.");
    }

    public static void AddSchema(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[SchemaName] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "An RFC 9457 problem document; `code` is stable and machine-readable (see docs/api.md).",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["code"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["request_id"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
            },
            Required = new HashSet<string> { "code", "status", "title" },
        };
    }

    private static void AddProblem(OpenApiOperation operation, OpenApiOperationTransformerContext context, string status, string description)
    {
        if (operation.Responses!.ContainsKey(status))
        {
            return;
        }

        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(SchemaName, context.Document) },
            },
        };
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
