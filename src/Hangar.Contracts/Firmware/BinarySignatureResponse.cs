namespace Hangar.Contracts.Firmware;

/// <summary>A verified signature. <see cref="Signature"/> is lowercase hex of the 64-byte Ed25519 signature over the raw 32-byte SHA-256 of the binary.</summary>
public sealed record BinarySignatureResponse(
    Guid Id,
    string Hrn,
    Guid BinaryId,
    Guid SigningKeyId,
    string KeyId,
    string Signature,
    DateTime CreatedAt);
