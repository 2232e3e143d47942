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
        api.MapGet("/server/ca_certificate", GetAsync).Anonymous().WithTags("Server")
            .WithSummary("Get the server CA certificate")
            .WithDescription("PEM (application/x-pem-file). Agents pin it to verify the device listener's TLS certificate. 404 when the operator supplied their own certificates without a server-ca.crt.");
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetAsync(ServerCertificateStore store, CancellationToken cancellationToken)
    {
        if (!File.Exists(store.CaCertificatePath))
        {
            return Problems.NotFound("The server CA certificate");
        }

        return TypedResults.Content(await File.ReadAllTextAsync(store.CaCertificatePath, cancellationToken), "application/x-pem-file");
    }
}
