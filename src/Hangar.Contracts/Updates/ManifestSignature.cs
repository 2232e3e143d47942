namespace Hangar.Contracts.Updates;

/// <summary>
/// A verified ed25519 signature of the binary. <see cref="KeyId"/> is the lowercase hex SHA-256 of the raw public key;
/// <see cref="PublicKey"/> is the raw 32-byte key in base64 (devices must check it against keys they trust, never
/// trust it because the server sent it); <see cref="Signature"/> is the 64-byte signature in base64.
/// </summary>
public sealed record ManifestSignature(Guid SigningKeyId, string SigningKeyHrn, string KeyId, string PublicKey, string Signature);
