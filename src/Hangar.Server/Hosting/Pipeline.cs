using Hangar.Server.Features.Audit;
using Hangar.Server.Features.Identity;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.Http;
using Hangar.Server.Hosting.Listeners;
using Hangar.Server.Hosting.Problems;
using Hangar.Server.Hosting.RequestIds;

namespace Hangar.Server.Hosting;

internal static class Pipeline
{
    /// <summary>
    /// The middleware order is the security model: ids first (so every error carries one), then routing, the
    /// listener check, rate limits, authentication, audit (so denied calls are audited), and the permission check.
    /// Devices are authenticated before the rate limiter because they are limited per device, not per address.
    /// </summary>
    public static WebApplication UseHangarPipeline(this WebApplication app)
    {
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseMiddleware<BearerChallengeMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<EmptyErrorBodyMiddleware>();
        app.UseRouting();
        app.UseMiddleware<ListenerGuardMiddleware>();
        app.UseMiddleware<NoStoreMiddleware>();
        app.UseMiddleware<DeviceAuthenticationMiddleware>();
        app.UseRateLimiter();
        app.UseMiddleware<CallerAuthenticationMiddleware>();
        app.UseMiddleware<AuditMiddleware>();
        app.UseMiddleware<PermissionGuardMiddleware>();
        return app;
    }
}
