namespace Hangar.Data.Firmware;

/// <summary>One binary of a bundle at its position.</summary>
public sealed class BundleEntry : IOrganizationOwned
{
    public required Guid BundleId { get; init; }
    public required int Position { get; init; }
    public required Guid OrganizationId { get; init; }
    public required Guid BinaryId { get; init; }

    /// <summary>
    /// The effective metadata as canonical JSON, merged and frozen at creation (artifact, version, binary, then the
    /// entry's own, key by key): later edits of the inherited metadata cannot change an immutable bundle or its hash.
    /// </summary>
    public string? CustomMetadata { get; init; }
}
