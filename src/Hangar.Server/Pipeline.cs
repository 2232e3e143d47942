using Hangar.Server.Features.Audit;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Http;
using Hangar.Server.Hosting.Listeners;
using Hangar.Server.Hosting.Observability;
using Hangar.Server.Hosting.Problems;
using Hangar.Server.Hosting.Proxies;
using Hangar.Server.Hosting.RequestIds;

namespace Hangar.Server;

internal static class Pipeline
{
    /// <summary>
    /// The middleware order is the security model: the client address first (behind a trusted proxy, the one it
    /// forwarded), so rate limits, the refused-credential guard, audit and tunnels all see the same one; then ids (so
    /// every error carries one), then routing and the listener check; authentication (the listener's scheme: device
    /// certificate, or API key / session) before the rate limiter, which partitions by the identity found; a refused
    /// credential is 401 here; then audit (so denied calls are audited) and authorization, before the endpoint binds
    /// its body.
    /// </summary>
    public static WebApplication UseHangarPipeline(this WebApplication app)
    {
        app.UseClientAddresses();
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseMiddleware<BearerChallengeMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<EmptyErrorBodyMiddleware>();
        // Only the control socket accepts an upgrade; the middleware costs other requests nothing.
        app.UseWebSockets();
        app.UseRouting();
        app.UseMiddleware<ListenerGuardMiddleware>();
        app.UseMiddleware<NoStoreMiddleware>();
        app.UseMiddleware<ScrapeRefusalCounting>();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseMiddleware<RefusedCredentialsMiddleware>();
        app.UseMiddleware<AuditMiddleware>();
        app.UseAuthorization();
        return app;
    }
}
