using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.Problems;
using Hangar.Server.Hosting.Tls;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hangar.Server.Features.Identity;

/// <summary>The server's own CA certificate, public by nature: agents pin it to trust the device listener.</summary>
internal static class ServerCaEndpoints
{
    public static void MapServerCa(this RouteGroupBuilder api)
    {
        api.MapGet("/server/ca_certificate", Get).Anonymous().WithTags("Server")
            .WithSummary("Get the server CA certificate")
            .WithDescription("PEM (application/x-pem-file). Agents pin it to verify the device listener's TLS certificate. 404 when the operator supplied their own certificates from the first start (no server CA was ever created).");
    }

    private static Results<ContentHttpResult, ProblemHttpResult> Get(ServerCertificateAuthority authority)
    {
        // From the database, not this node's data directory: every node answers with the installation's one CA.
        return authority.FindPem() is { } pem
            ? TypedResults.Content(pem, "application/x-pem-file")
            : Problems.NotFound("The server CA certificate");
    }
}
