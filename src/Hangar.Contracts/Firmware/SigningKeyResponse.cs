namespace Hangar.Contracts.Firmware;

/// <summary>
/// An Ed25519 public key. <see cref="Value"/> is base64 of the raw 32 bytes; <see cref="KeyId"/> is the lowercase hex
/// SHA-256 of them. <see cref="State"/> is <c>active</c> or <c>revoked</c>; a revoked key's signatures count for
/// nothing, and <see cref="RevokedAt"/> and <see cref="RevocationReason"/> say when and why.
/// </summary>
public sealed record SigningKeyResponse(
    Guid Id,
    string Hrn,
    string Name,
    string Value,
    string KeyId,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    string State = SigningKeyStates.Active,
    DateTime? RevokedAt = null,
    string? RevocationReason = null);
