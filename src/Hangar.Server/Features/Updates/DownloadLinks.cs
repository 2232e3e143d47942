using Hangar.Server.Features.Firmware;

namespace Hangar.Server.Features.Updates;

/// <summary>
/// Where an answer's download URLs point, and for whom: <see cref="UrlBase"/> (scheme, host and signed-download path
/// of the listener the caller should download from) and the device listener's path for <c>device_path</c>. Tokens on
/// the device listener are bound to <see cref="DeviceId"/>; a <c>url</c> on the admin listener (a back end checking on
/// a device's behalf, <see cref="UrlForOperator"/>) is an operator's, as the Admin API's download URLs are.
/// </summary>
internal sealed record DownloadLinks(string UrlBase, string DevicePathBase, Guid DeviceId, bool UrlForOperator)
{
    /// <summary>What the URLs depend on besides binary and expiry: part of the answer's ETag, and so of its cache key.</summary>
    public string Key => $"{UrlBase}|{DeviceId:N}|{UrlForOperator}";

    public (string Url, string DevicePath) For(DownloadUrls urls, Guid binaryId, DateTimeOffset expiresAt)
    {
        var deviceToken = urls.DeviceToken(binaryId, DeviceId, expiresAt);
        var urlToken = UrlForOperator ? urls.OperatorToken(binaryId, expiresAt) : deviceToken;
        return ($"{UrlBase}/{urlToken}", $"{DevicePathBase}/{deviceToken}");
    }
}
