namespace Hangar.Contracts.Firmware;

/// <summary>The states of a signing key on the wire. Revocation is final.</summary>
public static class SigningKeyStates
{
    public const string Active = "active";
    public const string Revoked = "revoked";
}
