namespace Hangar.Contracts.Firmware;

/// <summary>Renames a signing key; the key itself never changes.</summary>
public sealed record UpdateSigningKeyRequest(string Name);
