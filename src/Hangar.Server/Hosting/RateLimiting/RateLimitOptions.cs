using System.ComponentModel.DataAnnotations;

namespace Hangar.Server.Hosting.RateLimiting;

/// <summary>
/// Section <c>RateLimits</c>: requests per minute on the admin listener per API key or session and per organization
/// (authenticated callers) or per client address (everything else), and per device on the device listener.
/// </summary>
internal sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Requests without a valid credential, per client address (a proxy's address is every tenant's: authenticated calls never count here).</summary>
    [Range(1, 1_000_000)]
    public int PerAddressPerMinute { get; set; } = 1200;

    /// <summary>Requests per API key, and per console session.</summary>
    [Range(1, 1_000_000)]
    public int PerApiKeyPerMinute { get; set; } = 600;

    /// <summary>Requests per organization, all its keys and sessions together.</summary>
    [Range(1, 1_000_000)]
    public int PerOrganizationPerMinute { get; set; } = 3000;

    /// <summary>Device API requests per device, refilled evenly over the minute (a token bucket).</summary>
    [Range(1, 1_000_000)]
    public int PerDevicePerMinute { get; set; } = 60;

    /// <summary>How many device API requests a device may make at once after being quiet.</summary>
    [Range(1, 1_000_000)]
    public int PerDeviceBurst { get; set; } = 30;

    /// <summary>Binary download requests per device: their own bucket, since a device resumes an interrupted download with a new request.</summary>
    [Range(1, 1_000_000)]
    public int PerDeviceDownloadsPerMinute { get; set; } = 120;

    [Range(1, 1_000_000)]
    public int PerDeviceDownloadsBurst { get; set; } = 60;

    /// <summary>Sign-in and invitation attempts per client address: the brute-force guard in front of the lockout.</summary>
    [Range(1, 10_000)]
    public int SignInPerAddressPerMinute { get; set; } = 10;

    /// <summary>Refused API keys and DDI tokens per client address, together; past it, that address's credentials are not looked up until the minute ends (429).</summary>
    [Range(1, 1_000_000)]
    public int RefusedCredentialsPerAddressPerMinute { get; set; } = 60;
}
