using System.Globalization;
using System.Threading.RateLimiting;
using Hangar.Contracts.Common;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Listeners;
using Hangar.Server.Hosting.Problems;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Hosting.RateLimiting;

/// <summary>
/// ASP.NET Core's rate limiter, chained: every request counts against its client address, and requests carrying an
/// API key also against that key (read from the key's public prefix, before the key is verified, so a flood of
/// bogus keys still hits the address limit). Rejections are 429 ProblemDetails with Retry-After.
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
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    IsDeviceTraffic(context)
                        ? RateLimitPartition.GetNoLimiter("device")
                        : RateLimitPartition.GetFixedWindowLimiter(AddressOf(context), _ => PerMinute(settings.PerAddressPerMinute))),
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    ApiKeyPrefixOf(context) is { } prefix
                        ? RateLimitPartition.GetFixedWindowLimiter(prefix, _ => PerMinute(settings.PerApiKeyPerMinute))
                        : RateLimitPartition.GetNoLimiter("")));
            limiter.AddPolicy(RateLimitPolicies.SignIn, context =>
                RateLimitPartition.GetFixedWindowLimiter(AddressOf(context), _ => PerMinute(settings.SignInPerAddressPerMinute)));
            limiter.OnRejected = RejectAsync;
        });
        return services;
    }

    private static FixedWindowRateLimiterOptions PerMinute(int permits) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true };

    /// <summary>
    /// Whole fleets sit behind one NAT address, so per-address limits would starve devices; the device listener is
    /// to be limited per device identity, which the device API adds once devices authenticate (Devices issue).
    /// </summary>
    private static bool IsDeviceTraffic(HttpContext context) => ListenerGuardMiddleware.ListenerOf(context) == ListenerKind.Device;

    private static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static string? ApiKeyPrefixOf(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        return SecretTokens.ApiKeyPrefix(space < 0 ? header : header[(space + 1)..].Trim());
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60);
        rejected.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await ProblemWriter.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited,
            "Too many requests", "Rate limit exceeded; retry after the number of seconds in Retry-After.");
    }
}
