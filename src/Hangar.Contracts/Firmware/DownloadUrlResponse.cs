namespace Hangar.Contracts.Firmware;

/// <summary>
/// A short-lived URL that downloads a binary without an API key. <see cref="Url"/> is on the admin listener;
/// <see cref="DevicePath"/> is the same signed download relative to the device listener.
/// </summary>
public sealed record DownloadUrlResponse(string Url, string DevicePath, DateTime ExpiresAt);
