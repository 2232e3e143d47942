using Hangar.Contracts.Common;
using Hangar.Data;
using Hangar.Server.Features.Telemetry;
using Hangar.Server.Features.Webhooks;
using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.BlobStore;
using Hangar.Server.Hosting.Database;
using Hangar.Server.Hosting.Tls;
using Hangar.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hangar.Server.Features.Health;

internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", CheckAsync).Anonymous().WithTags("Health")
            .WithSummary("Check the server's health")
            .WithDescription("Liveness and each component: database, blob store, TLS certificate, webhooks, telemetry queue. 200 ok; 200 degraded when a component is degraded (the node serves: blob store short of space or failing, "
                + "TLS certificate expiring, webhook deliveries lagging, telemetry queue nearly full); 503 unhealthy when the database is unavailable.")
            .DisableRateLimiting();
        return app;
    }

    private static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> CheckAsync(
        HangarDbContext db, DatabaseConnection connection, IBlobStore blobs, BlobStoreFailures blobFailures, ServerCertificateStore certificates,
        WebhookBacklog webhooks, TelemetryQueue telemetry, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var database = await DatabaseProbe.CanWriteAsync(db, connection.Provider, cancellationToken);
        var space = blobs.CheckHealth();
        HealthComponent[] components =
        [
            ComponentChecks.Database(database),
            ComponentChecks.BlobStore(space, blobFailures.Last, now),
            ComponentChecks.TlsCertificate(certificates.Status),
            ComponentChecks.Webhooks(webhooks.Current, now),
            ComponentChecks.TelemetryQueue(telemetry),
        ];
        var checks = new HealthChecks(database ? "ok" : "unavailable", space == BlobStoreHealth.Ok ? "ok" : "insufficient_storage", certificates.Status switch
        {
            ServerCertificateStatus.Expired => "expired",
            ServerCertificateStatus.Expiring => "expiring",
            _ => "ok",
        });
        var status = components.Any(c => c.Status == ComponentStatus.Unhealthy) ? "unhealthy"
            : components.Any(c => c.Status == ComponentStatus.Degraded) ? "degraded"
            : "ok";
        var response = new HealthResponse(status, checks, components);
        return status == "unhealthy" ? TypedResults.Json(response, statusCode: StatusCodes.Status503ServiceUnavailable) : TypedResults.Ok(response);
    }
}
