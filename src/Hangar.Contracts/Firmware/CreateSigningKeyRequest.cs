namespace Hangar.Contracts.Firmware;

/// <summary>Registers an Ed25519 public key.</summary>
/// <param name="Name">1–100 characters, unique in the organization.</param>
/// <param name="Value">Base64 of the raw 32-byte public key, or a PEM <c>PUBLIC KEY</c> block.</param>
public sealed record CreateSigningKeyRequest(string Name, string Value);
