using System.ComponentModel.DataAnnotations;

namespace Hangar.Storage;

/// <summary>Section <c>BlobStorage</c>. Without a <see cref="Root"/>, blobs live in <c>&lt;data directory&gt;/blobs</c>.</summary>
public sealed class BlobStorageOptions
{
    public const string Section = "BlobStorage";

    public string? Root { get; set; }

    /// <summary>Copy buffer for streaming; bigger means fewer syscalls, never a whole part in memory.</summary>
    [Range(4096, 16 * 1024 * 1024)]
    public int BufferBytes { get; set; } = 1024 * 1024;
}
