namespace Hangar.Agent.Configuration;

public sealed record DownloadsConfig
{
    /// <summary>Attempts per download in one run, the first included; the partial file survives for the next run.</summary>
    public int MaxAttempts { get; set; } = 10;

    public double InitialBackoffSeconds { get; set; } = 2;

    public double MaxBackoffSeconds { get; set; } = 300;

    /// <summary>A response that delivers no byte for this long is abandoned and resumed.</summary>
    public double StallTimeoutSeconds { get; set; } = 60;

    /// <summary>Free space that must remain on the cache file system after the download.</summary>
    public long FreeSpaceReserveBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Caps download speed (for metered or shared links); 0 means no limit.</summary>
    public long MaxBytesPerSecond { get; set; }
}
