namespace Hangar.Contracts.Firmware;

/// <summary>A verified part of a binary upload.</summary>
public sealed record BinaryPartResponse(int Index, long Size, string Sha256, DateTime CreatedAt, DateTime UpdatedAt);
