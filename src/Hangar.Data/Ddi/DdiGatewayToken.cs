namespace Hangar.Data.Ddi;

/// <summary>
/// A hawkBit gateway token: one organization-wide secret with which a DDI client may act as any of the organization's
/// controllers (and, when configured, create unknown ones). Only a SHA-256 of the token is stored: it has 256 random
/// bits, so a slow KDF adds nothing, and the digest itself is the lookup key.
/// </summary>
public sealed class DdiGatewayToken : IOrganizationOwned
{
    public required Guid Id { get; init; }
    public required Guid OrganizationId { get; init; }
    public required string Name { get; set; }
    public required byte[] TokenHash { get; init; }

    /// <summary>The user who created it (the audit trail has the call).</summary>
    public required Guid CreatedBy { get; init; }

    public required DateTime CreatedAt { get; init; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
}
