namespace Hangar.Data.Firmware;

/// <summary>One binary of a bundle at its position, with optional metadata that replaces the inherited one.</summary>
public sealed class BundleEntry : IOrganizationOwned
{
    public required Guid BundleId { get; init; }
    public required int Position { get; init; }
    public required Guid OrganizationId { get; init; }
    public required Guid BinaryId { get; init; }
    public string? CustomMetadata { get; init; }
}
