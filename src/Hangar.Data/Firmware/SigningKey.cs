namespace Hangar.Data.Firmware;

/// <summary>An Ed25519 public key the organization signs binaries with. The private half never reaches the server.</summary>
public sealed class SigningKey : IOrganizationOwned
{
    public required Guid Id { get; init; }
    public required Guid OrganizationId { get; init; }
    public required string Name { get; set; }

    /// <summary>The raw 32-byte public key.</summary>
    public required byte[] PublicKey { get; init; }

    /// <summary>Lowercase hex SHA-256 of <see cref="PublicKey"/>: the same key has the same id everywhere.</summary>
    public required string KeyId { get; init; }

    /// <summary>
    /// Set once, never cleared: a revoked key's signatures count for nothing (a leaked key stays dead), and the key
    /// cannot be deleted, so it cannot be registered again as a fresh key.
    /// </summary>
    public DateTime? RevokedAt { get; set; }

    public string? RevocationReason { get; set; }

    public required DateTime CreatedAt { get; init; }
    public required DateTime UpdatedAt { get; set; }
}
