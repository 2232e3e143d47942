using Hangar.Core.Firmware;

namespace Hangar.Data.Firmware;

/// <summary>
/// The content of an artifact version for one target triple. <see cref="Sha256"/> and <see cref="Size"/> are declared
/// at creation and checked against the uploaded bytes; the stored object is named by the SHA-256.
/// </summary>
public sealed class Binary : IOrganizationOwned
{
    public required Guid Id { get; init; }
    public required Guid OrganizationId { get; init; }
    public required Guid ArtifactVersionId { get; init; }
    public required string Target { get; init; }
    public required long Size { get; init; }

    /// <summary>Lowercase hex.</summary>
    public required string Sha256 { get; init; }

    /// <summary>
    /// The content's SHA-1 and MD5 (lowercase hex), which hawkBit DDI clients check: computed with the SHA-256 when the
    /// upload is hashed. Null for a binary hashed before they were kept (or whose object was found stored after a
    /// crash) until the first DDI answer that shows it computes and stores them (docs/ddi.md).
    /// </summary>
    public string? Sha1 { get; set; }

    public string? Md5 { get; set; }

    public required BinaryState State { get; set; }
    public string? Description { get; set; }
    public string? CustomMetadata { get; set; }

    /// <summary>
    /// Bumped on every reset, so staged parts of an abandoned upload never mix with a new one, and a hashing run that
    /// finishes after a reset cannot move the binary on.
    /// </summary>
    public required int UploadGeneration { get; set; }

    /// <summary>Why the last hashing failed (cleared when a new upload starts).</summary>
    public string? LastError { get; set; }

    /// <summary>
    /// The server node hashing the binary, and until when its claim holds (renewed while it works). Several nodes share
    /// one database; a node that crashed mid-hash leaves a lease that expires, and another node takes the work over.
    /// </summary>
    public Guid? HashingLeaseOwner { get; set; }

    public DateTime? HashingLeaseExpiresAt { get; set; }

    public required DateTime CreatedAt { get; init; }
    public required DateTime UpdatedAt { get; set; }
}
