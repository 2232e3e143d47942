using System.ComponentModel.DataAnnotations;

namespace Hangar.Server.Hosting.RateLimiting;

/// <summary>Section <c>RateLimits</c>: requests per minute, per client address and per API key.</summary>
internal sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    [Range(1, 1_000_000)]
    public int PerAddressPerMinute { get; set; } = 1200;

    [Range(1, 1_000_000)]
    public int PerApiKeyPerMinute { get; set; } = 600;

    /// <summary>Sign-in and invitation attempts per client address: the brute-force guard in front of the lockout.</summary>
    [Range(1, 10_000)]
    public int SignInPerAddressPerMinute { get; set; } = 10;
}
