using Hangar.Agent.Configuration;

namespace Hangar.Agent.Downloads;

public sealed record DownloadOptions(int MaxAttempts, TimeSpan InitialBackoff, TimeSpan MaxBackoff, TimeSpan StallTimeout, long FreeSpaceReserveBytes, long MaxBytesPerSecond = 0)
{
    public static DownloadOptions From(DownloadsConfig config) => new(
        config.MaxAttempts,
        TimeSpan.FromSeconds(config.InitialBackoffSeconds),
        TimeSpan.FromSeconds(config.MaxBackoffSeconds),
        TimeSpan.FromSeconds(config.StallTimeoutSeconds),
        config.FreeSpaceReserveBytes,
        config.MaxBytesPerSecond);
}
