using Hangar.Server.Features.Firmware;

namespace Hangar.Server.Features.Updates;

/// <summary>
/// Mints the download URLs of an update offer: the one place offers get them, whatever protocol renders the offer,
/// so a change in how downloads are authorized (signed, presigned, bound to the device) lands here.
/// </summary>
internal sealed class UpdateDownloadUrls(DownloadUrls urls)
{
    public BinaryDownload For(ManifestBinary binary, DownloadLinks links, DateTimeOffset expiresAt)
    {
        var (url, devicePath) = links.For(urls, binary.BinaryId, expiresAt);
        return new BinaryDownload(binary, url, devicePath);
    }
}
