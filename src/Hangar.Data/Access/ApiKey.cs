using Hangar.Core.Access;

namespace Hangar.Data.Access;

/// <summary>
/// An API key. Only a SHA-256 of the secret is stored: the secret has 256 bits of entropy, so a slow KDF adds
/// nothing, and the prefix finds the row without scanning.
/// </summary>
public sealed class ApiKey : IOrganizationOwned
{
    public required Guid Id { get; init; }
    public required Guid OrganizationId { get; init; }

    /// <summary>The user who created the key; the key acts as them, never above their current role.</summary>
    public required Guid UserId { get; init; }

    public required string Name { get; set; }
    public required string Prefix { get; init; }
    public required byte[] SecretHash { get; init; }
    public required Role Role { get; init; }
    public DateTime? ExpiresAt { get; init; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public required DateTime CreatedAt { get; init; }
}
