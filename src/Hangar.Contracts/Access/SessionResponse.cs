namespace Hangar.Contracts.Access;

/// <summary>
/// The signed-in session. <see cref="CsrfToken"/> must be sent back in the <c>X-CSRF-Token</c> header on every
/// cookie-authenticated mutation.
/// </summary>
public sealed record SessionResponse(CurrentUserResponse User, string CsrfToken, DateTime ExpiresAt);
