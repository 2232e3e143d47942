using Hangar.Storage;

namespace Hangar.Server.Features.Firmware;

/// <summary>
/// The one place download URLs are made. An operator's answer (the Admin API's <c>download_url</c>) carries the blob
/// store's presigned URL when the store can issue one (an object store), else the server's own signed URL. A device
/// always gets the server's URL on the device listener, bound to the device: only the server can check the device's
/// certificate. Once that check passed, the listener sends the device on to a short-lived presigned URL (a redirect)
/// or streams the bytes itself when the store gives none (the file-system store).
/// </summary>
internal sealed class DownloadUrls(DownloadUrlSigner signer, IBlobStore blobs, TimeProvider time)
{
    /// <summary>
    /// A redirect's presigned URL only has to last until the fetch starts: a resume after a broken connection comes
    /// back to the server, which checks the token again and redirects anew.
    /// </summary>
    public static readonly TimeSpan FetchValidity = TimeSpan.FromMinutes(10);

    /// <summary>A token whoever holds it may use until it expires: operators, scripts, back ends.</summary>
    public string OperatorToken(Guid binaryId, DateTimeOffset expiresAt) => signer.Sign(binaryId, expiresAt);

    /// <summary>A token only <paramref name="deviceId"/>'s certificate may use, on the device listener.</summary>
    public string DeviceToken(Guid binaryId, Guid deviceId, DateTimeOffset expiresAt) => signer.SignForDevice(binaryId, deviceId, expiresAt);

    /// <summary>The URL an operator's answer hands out: the store's presigned URL, or the server's signed URL under <paramref name="serverBase"/>.</summary>
    public async Task<string> ForOperatorAsync(Guid binaryId, string sha256, string serverBase, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var presigned = await blobs.PresignDownloadAsync(sha256, expiresAt - time.GetUtcNow(), cancellationToken);
        return presigned?.ToString() ?? $"{serverBase}/{OperatorToken(binaryId, expiresAt)}";
    }

    /// <summary>What a token says, or null when the server did not issue it (malformed, tampered, another installation's).</summary>
    public DownloadToken? Read(string token) => signer.TryRead(token);

    /// <summary>Where a fetch that passed the token checks goes instead of being streamed here, or null to stream it.</summary>
    public Task<Uri?> PresignedForFetchAsync(string sha256, CancellationToken cancellationToken) =>
        blobs.PresignDownloadAsync(sha256, FetchValidity, cancellationToken);
}
