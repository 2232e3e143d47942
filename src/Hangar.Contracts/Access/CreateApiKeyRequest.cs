namespace Hangar.Contracts.Access;

/// <summary>Creates an API key in the caller's organization.</summary>
/// <param name="Name">1–100 characters.</param>
/// <param name="Role">viewer, operator, admin or owner; no higher than the caller's own role.</param>
/// <param name="ExpiresAt">Optional UTC expiry in the future.</param>
public sealed record CreateApiKeyRequest(string Name, string Role, DateTime? ExpiresAt = null);
