namespace Hangar.Agent.Configuration;

public sealed record SigningConfig
{
    /// <summary>Ed25519 public keys: base64 of the raw 32 bytes, or a PEM SubjectPublicKeyInfo block.</summary>
    public IReadOnlyList<string> TrustedKeys { get; set; } = [];

    /// <summary>How many distinct trusted keys must have signed a binary.</summary>
    public int Threshold { get; set; } = 1;
}
