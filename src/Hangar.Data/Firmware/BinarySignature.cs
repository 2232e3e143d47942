namespace Hangar.Data.Firmware;

/// <summary>An Ed25519 signature over a binary's raw 32-byte SHA-256 digest, verified when it was attached.</summary>
public sealed class BinarySignature : IOrganizationOwned
{
    public required Guid Id { get; init; }
    public required Guid OrganizationId { get; init; }
    public required Guid BinaryId { get; init; }
    public required Guid SigningKeyId { get; init; }
    public required byte[] Signature { get; init; }
    public required DateTime CreatedAt { get; init; }
}
