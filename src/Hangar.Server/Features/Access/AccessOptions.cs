using System.ComponentModel.DataAnnotations;

namespace Hangar.Server.Features.Access;

/// <summary>Section <c>Access</c>: password hashing cost, sessions, lockout, invitations.</summary>
internal sealed class AccessOptions
{
    public const string Section = "Access";

    /// <summary>PBKDF2-SHA256 iterations for new hashes (OWASP 2023: 600,000). Stored per hash, so raising it is safe.</summary>
    [Range(1_000, 10_000_000)]
    public int PasswordIterations { get; set; } = 600_000;

    [Range(1, 24 * 30)]
    public int SessionLifetimeHours { get; set; } = 12;

    /// <summary>Failed sign-ins in a row before the account locks.</summary>
    [Range(1, 100)]
    public int LockoutThreshold { get; set; } = 5;

    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;

    [Range(1, 90)]
    public int InvitationLifetimeDays { get; set; } = 7;

    /// <summary>Send the session cookie only over HTTPS. Off by default because the embedded admin listener is plain HTTP on loopback.</summary>
    public bool SecureCookies { get; set; }
}
