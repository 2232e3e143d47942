using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Ddi.Tokens;

/// <summary>
/// Refused DDI tokens per client address and minute (<c>Ddi:FailedTokensPerAddressPerMinute</c>): past the budget an
/// address is refused with 429 before its token is even looked up, so guessing tokens costs the server nothing and
/// gets nowhere. Valid tokens never count, so a fleet behind one NAT address is not limited by a neighbour's typo
/// beyond that neighbour's own failures.
/// </summary>
internal sealed class DdiTokenFailures(IOptions<DdiOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.FailedTokensPerAddressPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    public bool IsBlocked(string address) => _failures.GetStatistics(address)?.CurrentAvailablePermits <= 0;

    public void Count(string address)
    {
        using var lease = _failures.AttemptAcquire(address);
    }

    public void Dispose() => _failures.Dispose();
}
