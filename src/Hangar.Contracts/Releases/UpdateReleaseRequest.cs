using System.Text.Json.Serialization;

namespace Hangar.Contracts.Releases;

/// <summary>
/// Changes a release; absent (null) fields stay as they are. An empty string clears <see cref="Description"/>,
/// <see cref="Version"/> and <see cref="VersionRequirement"/>. <see cref="NextRelease"/> re-points this release's edge
/// (nothing else is rewired). The resulting graph must satisfy every graph rule, or nothing changes (409).
/// </summary>
/// <param name="Name">1–128 characters, unique in the cohort.</param>
/// <param name="Description">Up to 256 characters; '' clears it.</param>
/// <param name="Disabled">Disable or enable; a halted release is enabled again with <c>POST …/resume</c>.</param>
/// <param name="Required">Whether devices may skip the release.</param>
/// <param name="NextRelease">Id or resource name of the release this one points to; '' makes it a latest release.</param>
/// <param name="ScheduleDate">Not offered before this UTC time.</param>
/// <param name="ClearScheduleDate">True removes the schedule date.</param>
/// <param name="PhaseMode"><c>numeric</c> or <c>tags</c>.</param>
/// <param name="PhaseValue">Numeric phase: a fraction in [0, 1] or a whole number of devices ≥ 2; 1 is everyone.</param>
/// <param name="PhaseTags">Tag phase: replaces the tags.</param>
/// <param name="Version">Semantic version; '' clears it.</param>
/// <param name="VersionRequirement">Version requirement; '' clears it.</param>
/// <param name="HaltFailureRate">Failure policy share (0 &lt; x ≤ 1); with <see cref="HaltMinimumDevices"/> unless the release has a policy already.</param>
/// <param name="HaltMinimumDevices">Failure policy minimum of finished devices (≥ 1).</param>
/// <param name="ClearFailurePolicy">True removes the failure policy.</param>
public sealed record UpdateReleaseRequest(
    string? Name = null,
    string? Description = null,
    bool? Disabled = null,
    bool? Required = null,
    string? NextRelease = null,
    DateTime? ScheduleDate = null,
    bool? ClearScheduleDate = null,
    string? PhaseMode = null,
    decimal? PhaseValue = null,
    IReadOnlyList<string>? PhaseTags = null,
    string? Version = null,
    string? VersionRequirement = null,
    decimal? HaltFailureRate = null,
    int? HaltMinimumDevices = null,
    bool? ClearFailurePolicy = null)
{
    /// <summary>Peridio's Admin API spelling of <see cref="VersionRequirement"/>, accepted as an alternative (give one of the two).</summary>
    [JsonPropertyName("version-requirement")]
    public string? VersionRequirementHyphenated { get; init; }
}
