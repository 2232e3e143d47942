using System.ComponentModel.DataAnnotations;

namespace Hangar.Server.Features.Firmware;

/// <summary>Section <c>BlobCollector</c>: when the blob garbage collector runs and what it considers garbage.</summary>
internal sealed class BlobCollectorOptions
{
    public const string Section = "BlobCollector";

    /// <summary>How often each node collects (also once at start).</summary>
    [Range(1, 7 * 24 * 60)]
    public int IntervalMinutes { get; set; } = 60;

    /// <summary>
    /// An upload (uploadable or hashable) that no part and no change reached for this long is aborted: its parts are
    /// deleted and the binary is reset to uploadable, the way an object store's lifecycle rule aborts incomplete
    /// multipart uploads.
    /// </summary>
    [Range(1, 365)]
    public int AbandonedUploadDays { get; set; } = 7;

    /// <summary>
    /// Stored bytes nothing refers to are deleted only once they are this old, so bytes an upload has just written and
    /// is about to record are never taken. Keep it well above the longest part upload and hashing run.
    /// </summary>
    [Range(1, 7 * 24 * 60)]
    public int GraceMinutes { get; set; } = 60;
}
