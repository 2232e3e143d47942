using Hangar.Contracts.Common;
using Hangar.Server.Hosting.OpenApi;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Hangar.Server.Features.Idempotency;

/// <summary>Idempotency keys on create calls: the clean-up of old records, and the header in the OpenAPI document.</summary>
internal static class IdempotencyModule
{
    public static IServiceCollection AddIdempotency(this IServiceCollection services)
    {
        services.AddHostedService<IdempotencyCleanup>();
        services.Configure<OpenApiOptions>(OpenApiSetup.DocumentName, options => options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IdempotentAttribute>().Any())
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = HangarHeaders.IdempotencyKey,
                    In = ParameterLocation.Header,
                    Required = false,
                    Description = "Makes the call safe to retry: a repeat with the same key (within 24 h) returns the first response.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 255 },
                });
            }

            return Task.CompletedTask;
        }));
        return services;
    }
}
