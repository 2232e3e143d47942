namespace Hangar.Storage;

/// <summary>
/// One part of an upload as the caller recorded it when the store accepted it: its 1-based index, size and SHA-256
/// (lowercase hex). Completing an upload names its parts this way, as S3's CompleteMultipartUpload names each part by
/// number and checksum, so the store uses exactly the parts the caller accepted.
/// </summary>
public sealed record StagedPart(int Index, long Size, string Sha256);
