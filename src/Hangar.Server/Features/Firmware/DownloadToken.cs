namespace Hangar.Server.Features.Firmware;

/// <summary>What a valid download token says: the binary, the device it was issued to (null: an operator's), and its expiry.</summary>
internal sealed record DownloadToken(Guid BinaryId, Guid? DeviceId, DateTimeOffset ExpiresAt);
