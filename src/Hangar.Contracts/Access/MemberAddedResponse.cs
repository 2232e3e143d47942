namespace Hangar.Contracts.Access;

/// <summary>The new member; <see cref="InvitationToken"/> is set (once) when the user had to be invited.</summary>
public sealed record MemberAddedResponse(MemberResponse Member, string? InvitationToken, DateTime? InvitationExpiresAt);
