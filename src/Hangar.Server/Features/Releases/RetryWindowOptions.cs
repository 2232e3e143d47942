using System.ComponentModel.DataAnnotations;

namespace Hangar.Server.Features.Releases;

/// <summary>
/// <c>Updates:RetryWindowSeconds</c>: when a retryable failure counts against a release. Its key stays in the
/// <c>Updates</c> section, beside the status reports it waits for; the release statistics and the failure policy read it.
/// </summary>
internal sealed class RetryWindowOptions
{
    public const string Section = "Updates";

    /// <summary>
    /// How long a failure the device reported as retryable (an install interrupted by a power loss) waits for the
    /// device's new attempt before it counts as a terminal failure toward the release's failure policy and statistics.
    /// </summary>
    [Range(60, 7 * 24 * 3600)]
    public int RetryWindowSeconds { get; set; } = 30 * 60;

    /// <summary>Failures that happened before this time and were not retried are terminal.</summary>
    public DateTime RetryWindowStart(DateTime now) => now.AddSeconds(-RetryWindowSeconds);
}
