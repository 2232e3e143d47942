using System.ComponentModel.DataAnnotations;

namespace Hangar.Server.Features.Firmware;

/// <summary>Section <c>Firmware</c>: upload part sizes and download URL lifetime.</summary>
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
}
