namespace Hangar.Storage;

/// <summary>
/// What a write produced: the size and SHA-256 (lowercase hex) of the bytes that arrived, and whether they matched what
/// was declared. A completed upload also carries the content's SHA-1 and MD5 (hawkBit DDI clients check them), computed
/// in the same pass; null where the store did not compute them (a part write).
/// </summary>
public sealed record BlobWriteResult(BlobWriteOutcome Outcome, long Size, string Sha256, string? Sha1 = null, string? Md5 = null)
{
    public bool Succeeded => Outcome == BlobWriteOutcome.Stored;
}
