namespace Hangar.Console.Firmware;

/// <summary>One part of an upload: its size and lowercase hex SHA-256, as the server's part list states them.</summary>
internal sealed record PartDigest(long Size, string Sha256);
