using System.Globalization;
using System.Threading.RateLimiting;
using Hangar.Contracts.Common;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Problems;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Hosting.RateLimiting;

/// <summary>
/// ASP.NET Core's rate limiter, chained, after authentication: a caller with a valid API key or session counts against
/// that credential and against its organization, so one tenant can exhaust only its own budget even when every
/// tenant comes through one reverse proxy; requests without a valid credential (bogus keys included) count against
/// their client address. Devices count against their device, in a token bucket for the device API and another for
/// binary downloads. Rejections are 429 ProblemDetails with Retry-After.
/// </summary>
internal static class RateLimitingSetup
{
    public static IServiceCollection AddHangarRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, limits) =>
        {
            var settings = limits.Value;
            var callers = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    IsAuthenticated(context)
                        ? RateLimitPartition.GetNoLimiter("")
                        : RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(context), _ => PerMinute(settings.PerAddressPerMinute))),
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    context.User.FindFirst(HangarClaims.Credential)?.Value is { } credential
                        ? RateLimitPartition.GetFixedWindowLimiter(credential, _ => PerMinute(settings.PerApiKeyPerMinute))
                        : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    context.User.FindFirst(HangarClaims.Organization)?.Value is { } organization
                        ? RateLimitPartition.GetFixedWindowLimiter(organization, _ => PerMinute(settings.PerOrganizationPerMinute))
                        : RateLimitPartition.GetNoLimiter("")));
            // Refused certificates have no device claim and make no partition at all.
            var devices = PartitionedRateLimiter.Create<HttpContext, (string Device, bool Download)>(context =>
                context.User.FindFirst(HangarClaims.Device)?.Value is not { } device ? RateLimitPartition.GetNoLimiter(("", false))
                : IsDownload(context) ? RateLimitPartition.GetTokenBucketLimiter((device, true),
                    _ => Bucket(settings.PerDeviceDownloadsPerMinute, settings.PerDeviceDownloadsBurst))
                : RateLimitPartition.GetTokenBucketLimiter((device, false), _ => Bucket(settings.PerDevicePerMinute, settings.PerDeviceBurst)));
            limiter.GlobalLimiter = new ListenerRateLimiter(devices, callers);
            limiter.AddPolicy(RateLimitPolicies.SignIn, context =>
                RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(context), _ => PerMinute(settings.SignInPerAddressPerMinute)));
            limiter.OnRejected = RejectAsync;
        });
        return services;
    }

    private static FixedWindowRateLimiterOptions PerMinute(int permits) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true };

    /// <summary>
    /// One token every 1/perMinute of a minute, so Retry-After is the wait for the next token rather than a whole
    /// minute. Keyed by the authenticated device, never by certificate or address: partitions stay bounded by the
    /// registered fleet, and refused certificates create none.
    /// </summary>
    private static TokenBucketRateLimiterOptions Bucket(int perMinute, int burst) =>
        new() { TokenLimit = burst, TokensPerPeriod = 1, ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute, QueueLimit = 0, AutoReplenishment = true };

    private static bool IsDownload(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<DownloadTrafficAttribute>() is not null;

    private static bool IsAuthenticated(HttpContext context) => context.User.Identity?.IsAuthenticated == true;

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60);
        await WriteRejectionAsync(rejected.HttpContext, retryAfter, "Rate limit exceeded; retry after the number of seconds in Retry-After.");
    }

    /// <summary>The 429 every limit answers: problem+json with <c>rate_limited</c>, and Retry-After in whole seconds (at least 1).</summary>
    public static Task WriteRejectionAsync(HttpContext context, TimeSpan retryAfter, string detail)
    {
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return ProblemWriter.WriteAsync(context, StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited, "Too many requests", detail);
    }
}
