namespace Hangar.Server.Features.Updates;

/// <summary>
/// Where an answer's download URLs point: <see cref="UrlBase"/> (scheme, host and signed-download path of the
/// listener the caller should download from) and the device listener's path for <c>device_path</c>.
/// </summary>
internal sealed record DownloadLinks(string UrlBase, string DevicePathBase);
