using System.Threading.RateLimiting;
using Hangar.Server.Hosting.RateLimiting;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Hosting.Authentication;

/// <summary>
/// Counts refused credentials per client address, whatever their scheme: API keys (made-up, expired or revoked) and
/// DDI target or gateway tokens share one budget (<c>RateLimits:RefusedCredentialsPerAddressPerMinute</c>). The
/// rate limiter runs after authentication, so without this every guess would still cost its lookup even once the
/// address is answered 429; past its allowance an address's credentials are refused as rate-limited
/// (<see cref="CredentialsThrottled"/>) without being looked up, until the minute is over. A valid credential from
/// that address waits too: the price of not querying. Session cookies are not counted: an expired one is routine.
/// </summary>
internal sealed class RefusedCredentialGuard : IDisposable
{
    private readonly PartitionedRateLimiter<string> _refusals;

    public RefusedCredentialGuard(IOptions<RateLimitOptions> options)
    {
        var allowance = options.Value.RefusedCredentialsPerAddressPerMinute;
        _refusals = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = allowance, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true }));
    }

    /// <summary>How long the caller's address must wait before its credentials are looked up again; null when they may be now.</summary>
    public TimeSpan? WaitFor(HttpContext context)
    {
        // Asking for no permit tells whether any is left without taking one.
        using var lease = _refusals.AttemptAcquire(ClientAddress.Of(context), 0);
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
    }

    public void Refused(HttpContext context) => _refusals.AttemptAcquire(ClientAddress.Of(context)).Dispose();

    public void Dispose() => _refusals.Dispose();
}
