using System.Threading.RateLimiting;
using Hangar.Server.Hosting.Listeners;

namespace Hangar.Server.Hosting.RateLimiting;

/// <summary>
/// The global limiter, split by listener: a device request meets only its device's bucket, anything else the chain
/// of address, credential and organization limiters. Whole fleets sit behind one NAT address, so devices are never
/// limited per address; and asking the callers' limiters, which would grant a device "no limit", cost a chained
/// lease and three partition lookups on every device request.
/// </summary>
internal sealed class ListenerRateLimiter(PartitionedRateLimiter<HttpContext> devices, PartitionedRateLimiter<HttpContext> callers)
    : PartitionedRateLimiter<HttpContext>
{
    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => For(resource).GetStatistics(resource);

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount) => For(resource).AttemptAcquire(resource, permitCount);

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
        For(resource).AcquireAsync(resource, permitCount, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            devices.Dispose();
            callers.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await devices.DisposeAsync();
        await callers.DisposeAsync();
        await base.DisposeAsyncCore();
    }

    /// <summary>
    /// A DDI client that proved a token is a device like any other; a refused or missing token counts against its
    /// address among the callers, as a bogus API key does.
    /// </summary>
    private PartitionedRateLimiter<HttpContext> For(HttpContext context) => ListenerGuardMiddleware.ListenerOf(context) switch
    {
        ListenerKind.Device => devices,
        ListenerKind.Ddi when context.User.Identity?.IsAuthenticated == true => devices,
        _ => callers,
    };
}
