namespace Hangar.Contracts.Firmware;

/// <summary>An Ed25519 public key. <see cref="Value"/> is base64 of the raw 32 bytes; <see cref="KeyId"/> is the lowercase hex SHA-256 of them.</summary>
public sealed record SigningKeyResponse(Guid Id, string Hrn, string Name, string Value, string KeyId, DateTime CreatedAt, DateTime UpdatedAt);
