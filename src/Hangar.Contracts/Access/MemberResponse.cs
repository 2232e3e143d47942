namespace Hangar.Contracts.Access;

/// <summary>A user's membership in the caller's organization. <see cref="Status"/> is <c>active</c> or <c>invited</c>.</summary>
public sealed record MemberResponse(
    Guid Id,
    string Hrn,
    string Email,
    string Name,
    string Role,
    string Status,
    DateTime CreatedAt,
    DateTime UpdatedAt);
