namespace Hangar.Data.Access;

/// <summary>
/// A console sign-in. The cookie carries a random token; only its hash is stored, so the row can be revoked
/// server-side (sign-out, password change, removal from the organization) with immediate effect.
/// </summary>
public sealed class UserSession
{
    public required Guid Id { get; init; }
    public required Guid UserId { get; init; }
    public required Guid OrganizationId { get; set; }
    public required byte[] TokenHash { get; init; }

    /// <summary>The anti-forgery token that cookie-authenticated mutations must echo in a header.</summary>
    public required string CsrfToken { get; init; }

    public required DateTime CreatedAt { get; init; }
    public required DateTime ExpiresAt { get; init; }
    public DateTime? RevokedAt { get; set; }
}
