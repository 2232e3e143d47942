namespace Hangar.Contracts.Firmware;

/// <summary>Attaches a signature to a signable or signed binary.</summary>
/// <param name="Binary">The binary's id or resource name.</param>
/// <param name="SigningKey">The signing key's id, resource name or key id (hex SHA-256 of the public key).</param>
/// <param name="Signature">The 64-byte Ed25519 signature of the raw 32-byte SHA-256 digest, as hex (128 characters) or base64.</param>
public sealed record CreateBinarySignatureRequest(string Binary, string SigningKey, string Signature);
