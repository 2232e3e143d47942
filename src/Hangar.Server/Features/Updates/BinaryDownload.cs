namespace Hangar.Server.Features.Updates;

/// <summary>
/// Where a device downloads one binary of an offer: <see cref="Url"/> on the listener it asked through, and
/// <see cref="DevicePath"/>, the same download's path on the device listener. Both stop working at the offer's expiry.
/// </summary>
internal sealed record BinaryDownload(ManifestBinary Binary, string Url, string DevicePath);
