namespace Hangar.Data.Access;

/// <summary>A person. Users are global; what they may do lives in their memberships.</summary>
public sealed class User
{
    public required Guid Id { get; init; }

    /// <summary>Lower-cased; unique.</summary>
    public required string Email { get; set; }

    public required string Name { get; set; }

    /// <summary>Null while the user is invited and has not chosen a password.</summary>
    public string? PasswordHash { get; set; }

    public int FailedSignInCount { get; set; }
    public DateTime? LockedUntil { get; set; }

    /// <summary>SHA-256 of the pending invitation token; cleared when accepted.</summary>
    public byte[]? InvitationTokenHash { get; set; }
    public DateTime? InvitationExpiresAt { get; set; }

    public required DateTime CreatedAt { get; init; }
    public required DateTime UpdatedAt { get; set; }
}
