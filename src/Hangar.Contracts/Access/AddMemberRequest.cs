namespace Hangar.Contracts.Access;

/// <summary>
/// Adds a user to the caller's organization. A user who does not exist yet is created as invited, and the response
/// carries a one-time invitation token with which they choose a password.
/// </summary>
public sealed record AddMemberRequest(string Email, string Role, string? Name = null);
