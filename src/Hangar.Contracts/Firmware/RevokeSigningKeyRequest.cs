namespace Hangar.Contracts.Firmware;

/// <summary>Revokes a signing key for good (a leaked or retired key).</summary>
/// <param name="Reason">1–512 characters, kept on the key and in the <c>signing_key.revoked</c> event.</param>
public sealed record RevokeSigningKeyRequest(string Reason);
