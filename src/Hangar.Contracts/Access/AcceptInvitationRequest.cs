namespace Hangar.Contracts.Access;

/// <summary>Turns an invitation into an active account by choosing a password (at least 12 characters).</summary>
public sealed record AcceptInvitationRequest(string Token, string Password, string? Name = null);
