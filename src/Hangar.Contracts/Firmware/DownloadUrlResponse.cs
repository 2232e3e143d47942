namespace Hangar.Contracts.Firmware;

/// <summary>
/// A short-lived URL that downloads a binary without an API key. <see cref="Url"/> is on the admin listener (at the
/// server's configured public address when it has one); <see cref="DevicePath"/> is the same signed download relative
/// to the device listener, and <see cref="DeviceUrl"/> is that path at the device listener's configured public
/// address (null when none is configured).
/// </summary>
public sealed record DownloadUrlResponse(string Url, string DevicePath, DateTime ExpiresAt, string? DeviceUrl = null);
