namespace Hangar.Agent.State;

/// <summary>
/// What one install target holds now (a slot's file, a file installer's link, a tool's image): the binary last
/// written there completely, by id and SHA-256 of its bytes.
/// </summary>
/// <param name="MetadataDigest">The digest of the binary's custom metadata then: a metadata-only change installs again.</param>
public sealed record HeldContent(string BinaryId, string Sha256, string MetadataDigest, DateTimeOffset WrittenAt)
{
    public bool Is(string binaryId, string sha256, string metadataDigest) =>
        BinaryId == binaryId && string.Equals(Sha256, sha256, StringComparison.OrdinalIgnoreCase) && MetadataDigest == metadataDigest;
}
