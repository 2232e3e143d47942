namespace Hangar.Contracts.Firmware;

/// <summary>An immutable ordered set of signed binaries. <see cref="Hash"/> is <c>sha256:</c> plus the hex SHA-256 of the canonical manifest.</summary>
public sealed record BundleResponse(
    Guid Id,
    string Hrn,
    string? Name,
    string Hash,
    IReadOnlyList<BundleEntryResponse> Binaries,
    DateTime CreatedAt,
    DateTime UpdatedAt);
