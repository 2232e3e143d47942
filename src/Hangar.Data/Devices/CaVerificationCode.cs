namespace Hangar.Data.Devices;

/// <summary>
/// A proof-of-possession challenge: the CN a verification certificate must carry. Only a hash is stored; a code is
/// single-use (<see cref="UsedAt"/>) and expires.
/// </summary>
public sealed class CaVerificationCode : IOrganizationOwned
{
    public required Guid Id { get; init; }
    public required Guid OrganizationId { get; init; }
    public required string CodeHash { get; init; }
    public required DateTime ExpiresAt { get; init; }
    public DateTime? UsedAt { get; set; }
    public required DateTime CreatedAt { get; init; }
}
