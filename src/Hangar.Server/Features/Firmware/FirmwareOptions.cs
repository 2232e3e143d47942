using System.ComponentModel.DataAnnotations;

namespace Hangar.Server.Features.Firmware;

/// <summary>Section <c>Firmware</c>: upload part sizes, download URL lifetime and the public names in download URLs.</summary>
internal sealed class FirmwareOptions
{
    public const string Section = "Firmware";

    /// <summary>Smallest part except the last (S3's floor, 5 MiB). Tests lower it to keep uploads small.</summary>
    [Range(1, 1L << 30)]
    public long MinPartBytes { get; set; } = 5L * 1024 * 1024;

    /// <summary>Largest part; also the request body limit of the part upload route.</summary>
    [Range(1, 5L << 30)]
    public long MaxPartBytes { get; set; } = 1L << 30;

    /// <summary>How long a signed download URL stays valid: long enough to resume a multi-GB download over a slow link.</summary>
    [Range(60, 7 * 24 * 3600)]
    public int DownloadUrlLifetimeSeconds { get; set; } = 6 * 3600;

    /// <summary>
    /// The admin listener's address as clients reach it (a load balancer or proxy in front), e.g.
    /// <c>https://hangar.example.com</c>; signed download URLs start with it. Unset: the scheme and host of the request.
    /// </summary>
    public string? PublicAdminUrl { get; set; }

    /// <summary>
    /// The device listener's address as devices reach it, e.g. <c>https://devices.example.com</c>; signed download URLs
    /// for devices start with it. Unset: the scheme and host the device's own request used, or only a path.
    /// </summary>
    public string? PublicDeviceUrl { get; set; }

    /// <summary>How long a node may hash one binary before another node may take it over (renewed while it works).</summary>
    [Range(10, 3600)]
    public int HashingLeaseSeconds { get; set; } = 120;
}
