namespace Hangar.Agent.Downloads;

/// <summary>The sidecar of a partial file: what it is a prefix of, and the ETag to resume with (<c>If-Range</c>).</summary>
public sealed record PartialDownload(long Size, string Sha256, string? ETag);
