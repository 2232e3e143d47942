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

    /// <summary>
    /// Whether staged parts are fsynced as they arrive. Off by default: they are fsynced when they become the object, and
    /// a part lost or damaged by a power cut before that is found when the completion (in a restarted process, which
    /// reads every part) hashes it or checks its size; the upload is then asked for again. Objects are always synced.
    /// Turn it on to keep staged parts through power loss.
    /// </summary>
    public bool SyncParts { get; set; }

    /// <summary>
    /// Whether staged parts are written, and read back by the running hash, around the page cache (Linux
    /// <c>O_DIRECT</c>) where the file system supports it. Each byte of an upload is written once and read once moments
    /// later, so the cache gains nothing, and filling it with fresh pages costs more CPU than the hashing (on virtual
    /// machines especially). Off: parts go through the page cache, as on other systems.
    /// </summary>
    public bool DirectIo { get; set; } = true;

    /// <summary>
    /// Memory, across all uploads, for received parts waiting for their upload's running hash: a part's blocks are kept
    /// as they were received, so the hash takes them from memory instead of reading the part back from disk. Parts are
    /// sent a few at a time, so each upload holds about as many parts as it sends at once, minus one. Beyond this, parts
    /// are read back from disk; 0 always reads them back.
    /// </summary>
    [Range(0, 4L * 1024 * 1024 * 1024)]
    public long RunningHashMemoryBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// Free space the store keeps: a part is refused (507) unless this much stays free after it, and health reports the
    /// store degraded below it. Headroom for the manifests, the database and logs on the same disk.
    /// </summary>
    [Range(0, long.MaxValue)]
    public long MinFreeBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>How often the file-system store sweeps <c>tmp/</c> for leftovers of interrupted writes (also once at start).</summary>
    [Range(1, 7 * 24 * 60)]
    public int TemporaryFileSweepMinutes { get; set; } = 60;

    /// <summary>
    /// Leftovers no lock tells apart from a live write (remains of an interrupted delete; any temporary file where file
    /// locks are off) go once untouched for this long. Keep it well above the longest part upload.
    /// </summary>
    [Range(1, 7 * 24 * 60)]
    public int TemporaryFileGraceMinutes { get; set; } = 60;
}
