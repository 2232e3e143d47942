namespace Hangar.Storage;

/// <summary>What a write produced: the size and SHA-256 (lowercase hex) of the bytes that arrived, and whether they matched what was declared.</summary>
public sealed record BlobWriteResult(BlobWriteOutcome Outcome, long Size, string Sha256)
{
    public bool Succeeded => Outcome == BlobWriteOutcome.Stored;
}
