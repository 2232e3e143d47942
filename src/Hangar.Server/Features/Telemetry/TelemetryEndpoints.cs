using System.Globalization;
using Hangar.Contracts.Common;
using Hangar.Contracts.Telemetry;
using Hangar.Server.Features.Identity;
using Hangar.Server.Hosting.Problems;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Telemetry;

/// <summary><c>POST /device/v1/telemetry</c>: a device sends a batch of metrics and heartbeats (202, or 4xx and nothing stored).</summary>
internal static class TelemetryEndpoints
{
    public static void MapDeviceTelemetry(this RouteGroupBuilder device)
    {
        device.MapPost("/telemetry", SendAsync);
    }

    private static async Task<Results<Accepted<TelemetryBatchResponse>, ProblemHttpResult>> SendAsync(
        HttpContext http, TelemetryIntake intake, IOptions<TelemetryOptions> options, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxBodyBytes;
        if (http.Request.ContentLength > limit)
        {
            return Problems.Create(StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge, "Payload too large",
                $"A telemetry batch is at most {limit} bytes: send smaller batches more often.");
        }

        // A body without a length (chunked) is cut at the limit while it is read: Kestrel answers 413 then.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        if (!http.Request.HasJsonContentType())
        {
            return Problems.Create(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType, "Unsupported media type",
                "Send the batch as application/json.");
        }

        if (intake.ShedWhenFull() is { } shed)
        {
            return Refuse(http, shed);
        }

        var batch = await TelemetryBodyReader.ReadAsync(http.Request, limit, cancellationToken);
        if (batch is null)
        {
            return Problems.Validation("body", "must be a telemetry batch object.");
        }

        var identity = http.Features.Get<DeviceIdentity>()!;
        var (accepted, refusal) = await intake.AcceptAsync(identity.OrganizationId, identity.DeviceId, batch, cancellationToken);
        return refusal is null ? TypedResults.Accepted((string?)null, accepted!) : Refuse(http, refusal);
    }

    private static ProblemHttpResult Refuse(HttpContext http, TelemetryRefusal refusal)
    {
        if (refusal.RetryAfter is { } wait)
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return refusal.ToProblem();
    }
}
