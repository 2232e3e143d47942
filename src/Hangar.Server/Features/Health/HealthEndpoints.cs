using Hangar.Contracts.Common;
using Hangar.Data;
using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.Database;
using Hangar.Server.Hosting.Tls;
using Hangar.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hangar.Server.Features.Health;

internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", CheckAsync).Anonymous().WithTags("Health").WithSummary("Liveness, database, blob store and TLS certificate")
            .WithDescription("200 ok; 200 degraded when the blob store is short of space or the TLS certificate expires soon; 503 degraded when the database is unavailable.")
            .DisableRateLimiting();
        return app;
    }

    private static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> CheckAsync(
        HangarDbContext db, DatabaseConnection connection, IBlobStore blobs, ServerCertificateStore certificates, CancellationToken cancellationToken)
    {
        var database = await DatabaseProbe.CanWriteAsync(db, connection.Provider, cancellationToken);
        var blobStore = blobs.CheckHealth() == BlobStoreHealth.Ok ? "ok" : "insufficient_storage";
        var tls = certificates.Status switch
        {
            ServerCertificateStatus.Expired => "expired",
            ServerCertificateStatus.Expiring => "expiring",
            _ => "ok",
        };
        var checks = new HealthChecks(database ? "ok" : "unavailable", blobStore, tls);
        var healthy = database && blobStore == "ok" && tls == "ok";
        var response = new HealthResponse(healthy ? "ok" : "degraded", checks);
        return database ? TypedResults.Ok(response) : TypedResults.Json(response, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
