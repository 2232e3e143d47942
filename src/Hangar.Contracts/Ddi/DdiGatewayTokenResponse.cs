namespace Hangar.Contracts.Ddi;

/// <summary>An organization's hawkBit gateway token, without the token.</summary>
public sealed record DdiGatewayTokenResponse(Guid Id, string Name, Guid CreatedBy, DateTime CreatedAt, DateTime? RevokedAt, DateTime? LastUsedAt);
