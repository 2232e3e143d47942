using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Presence;

/// <summary>
/// How many control sockets this node admits per second (a token bucket, <c>Presence:AdmissionsPerSecond</c> and
/// <c>Presence:AdmissionBurst</c>): a whole fleet reconnecting at once is told to come back later before the
/// WebSocket upgrade, which is where a socket starts to cost memory and presence writes.
/// </summary>
internal sealed class SocketAdmission(IOptions<PresenceOptions> options) : IDisposable
{
    private readonly TokenBucketRateLimiter _bucket = new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = options.Value.AdmissionBurst,
        TokensPerPeriod = options.Value.AdmissionsPerSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    });

    /// <summary>
    /// False when the bucket is empty; <paramref name="retryAfterSeconds"/> then spreads the refused over the time the
    /// bucket needs to admit a burst again, so that they do not all come back in the same second.
    /// </summary>
    public bool TryAdmit(out int retryAfterSeconds)
    {
        using var lease = _bucket.AttemptAcquire();
        if (lease.IsAcquired)
        {
            retryAfterSeconds = 0;
            return true;
        }

        var refill = Math.Max(1, (int)Math.Ceiling((double)options.Value.AdmissionBurst / options.Value.AdmissionsPerSecond));
        retryAfterSeconds = 1 + Random.Shared.Next(refill);
        return false;
    }

    public void Dispose() => _bucket.Dispose();
}
