namespace Hangar.Agent.Signatures;

/// <summary>
/// One signature as a manifest carries it: the signing key by its id (hex SHA-256 of the raw key) or by its public
/// value (base64 raw or PEM), and the 64-byte signature as hex or base64.
/// </summary>
public sealed record BinarySignature(string? KeyId, string? PublicKey, string Signature);
