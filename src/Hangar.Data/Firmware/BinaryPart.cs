namespace Hangar.Data.Firmware;

/// <summary>A verified part of a binary's multipart upload (1-based index). Re-sending a part replaces it.</summary>
public sealed class BinaryPart : IOrganizationOwned
{
    public required Guid Id { get; init; }
    public required Guid OrganizationId { get; init; }
    public required Guid BinaryId { get; init; }
    public required int Index { get; init; }
    public required long Size { get; set; }
    public required string Sha256 { get; set; }
    public required DateTime CreatedAt { get; init; }
    public required DateTime UpdatedAt { get; set; }
}
