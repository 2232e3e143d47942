namespace Hangar.Data.Firmware;

/// <summary>An immutable ordered set of signed binaries. Only the name may change; <see cref="Hash"/> covers the canonical manifest.</summary>
public sealed class Bundle : IOrganizationOwned
{
    public required Guid Id { get; init; }
    public required Guid OrganizationId { get; init; }
    public string? Name { get; set; }

    /// <summary><c>sha256:</c> and the lowercase hex SHA-256 of the canonical manifest.</summary>
    public required string Hash { get; init; }

    public required DateTime CreatedAt { get; init; }
    public required DateTime UpdatedAt { get; set; }
}
