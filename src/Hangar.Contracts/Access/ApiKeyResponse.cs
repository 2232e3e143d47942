namespace Hangar.Contracts.Access;

/// <summary>An API key without its secret. <see cref="Prefix"/> identifies the key in logs and listings.</summary>
public sealed record ApiKeyResponse(
    Guid Id,
    string Hrn,
    string Name,
    string Prefix,
    string Role,
    Guid CreatedBy,
    DateTime? ExpiresAt,
    DateTime? RevokedAt,
    DateTime? LastUsedAt,
    DateTime CreatedAt);
