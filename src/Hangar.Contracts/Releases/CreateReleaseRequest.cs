using System.Text.Json.Serialization;

namespace Hangar.Contracts.Releases;

/// <summary>
/// Creates a release in a cohort. With neither <see cref="NextRelease"/> nor <see cref="PreviousRelease"/> it is
/// appended as the cohort's new latest release (the old latest points to it); with <see cref="NextRelease"/> it goes
/// right before that release, with <see cref="PreviousRelease"/> right after that one, with both between them (they
/// must be adjacent).
/// </summary>
/// <param name="Name">1–128 characters, unique in the cohort.</param>
/// <param name="Cohort">Id or resource name of the cohort.</param>
/// <param name="Bundle">Id or resource name of a bundle whose binaries are all signed (none destroyed).</param>
/// <param name="Description">Up to 256 characters.</param>
/// <param name="NextRelease">Id or resource name of the release to insert this one before.</param>
/// <param name="PreviousRelease">Id or resource name of the release to insert this one after.</param>
/// <param name="Required">A required release is never skipped by a device walking the graph.</param>
/// <param name="Disabled">A disabled release is never a target (but is skipped over when not required).</param>
/// <param name="ScheduleDate">Not offered before this UTC time; only the latest release may be scheduled in the future.</param>
/// <param name="PhaseMode"><c>numeric</c> (default, or <c>tags</c> when only <see cref="PhaseTags"/> is given) or <c>tags</c>.</param>
/// <param name="PhaseValue">Numeric phase: a fraction in [0, 1] of the cohort's devices or a whole number of devices ≥ 2; 1 (default) is everyone.</param>
/// <param name="PhaseTags">Tag phase: devices having any of these 1–32 tags may take the release.</param>
/// <param name="Version">Semantic version (e.g. <c>2.1.0</c>), up to 128 characters.</param>
/// <param name="VersionRequirement">Which reported versions may take it, e.g. <c>&gt;= 1.0.0 and &lt; 2.0.0</c> or <c>~&gt; 2.1</c>.</param>
/// <param name="HaltFailureRate">Failure policy: halt when at least this share (0 &lt; x ≤ 1) of the finished devices failed…</param>
/// <param name="HaltMinimumDevices">…once at least this many devices (≥ 1) finished. Give both or neither.</param>
/// <param name="AllowMissingTargets">
/// Accept a bundle that has binaries for some but not all of the hardware targets of the cohort's devices; devices
/// of the other targets are never offered it. Without it such a release is refused (422 <c>bundle_target_mismatch</c>).
/// </param>
public sealed record CreateReleaseRequest(
    string Name,
    string Cohort,
    string Bundle,
    string? Description = null,
    string? NextRelease = null,
    string? PreviousRelease = null,
    bool Required = false,
    bool Disabled = false,
    DateTime? ScheduleDate = null,
    string? PhaseMode = null,
    decimal? PhaseValue = null,
    IReadOnlyList<string>? PhaseTags = null,
    string? Version = null,
    string? VersionRequirement = null,
    decimal? HaltFailureRate = null,
    int? HaltMinimumDevices = null,
    bool AllowMissingTargets = false)
{
    /// <summary>Peridio's Admin API spelling of <see cref="VersionRequirement"/>, accepted as an alternative (give one of the two).</summary>
    [JsonPropertyName("version-requirement")]
    public string? VersionRequirementHyphenated { get; init; }
}
