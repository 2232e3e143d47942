using Hangar.Contracts.Common;
using Hangar.Data;
using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hangar.Server.Features.Health;

internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", CheckAsync).Anonymous().WithTags("Health").WithSummary("Liveness and database reachability")
            .DisableRateLimiting();
        return app;
    }

    private static async Task<Results<Ok<HealthResponse>, ProblemHttpResult>> CheckAsync(HangarDbContext db, CancellationToken cancellationToken) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? TypedResults.Ok(new HealthResponse("ok"))
            : Problems.Create(StatusCodes.Status503ServiceUnavailable, ErrorCodes.DatabaseUnavailable, "Unhealthy", "The database is not reachable.");
}
