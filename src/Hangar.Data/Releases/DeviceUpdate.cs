using Hangar.Core.Releases;

namespace Hangar.Data.Releases;

/// <summary>
/// One device's progress with one offered update: a release, or a bundle override (exactly one of the two). Created
/// when the update check first offers it, moved forward by the device's status reports; per-release statistics and
/// the failure policy count these rows.
/// </summary>
public sealed class DeviceUpdate : IOrganizationOwned
{
    public required Guid Id { get; init; }
    public required Guid OrganizationId { get; init; }
    public required Guid DeviceId { get; init; }
    public Guid? ReleaseId { get; init; }
    public Guid? BundleOverrideId { get; init; }
    public required Guid BundleId { get; init; }
    public required UpdateState State { get; set; }

    /// <summary>1 for the first attempt; a new attempt starts when the device downloads again after a failure.</summary>
    public int Attempt { get; set; } = 1;

    /// <summary>Percent (0–100) within the current state, when the device reports it.</summary>
    public int? Progress { get; set; }

    /// <summary>The last lines of the installer's output, for operators looking at a failure.</summary>
    public string? LogTail { get; set; }

    /// <summary>Why the update failed, was rolled back or was aborted.</summary>
    public string? Reason { get; set; }

    /// <summary>
    /// With <see cref="UpdateState.Failed"/>: the device said it will try again by itself (an install interrupted by
    /// a power loss), so the failure is terminal only once no new attempt started within the retry window.
    /// </summary>
    public bool Retryable { get; set; }

    public required DateTime OfferedAt { get; init; }

    /// <summary>When the current attempt reached a final state (committed, failed, rolled back, aborted).</summary>
    public DateTime? FinishedAt { get; set; }
    public required DateTime UpdatedAt { get; set; }
}
