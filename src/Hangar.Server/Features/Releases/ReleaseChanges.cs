namespace Hangar.Server.Features.Releases;

/// <summary>
/// What a create or update request asks to change, in one shape: null leaves a field as it is, '' clears an optional
/// text, and the Clear flags remove a schedule date or failure policy.
/// </summary>
internal sealed record ReleaseChanges(
    string? Name = null,
    string? Description = null,
    bool? Required = null,
    bool? Disabled = null,
    DateTime? ScheduleDate = null,
    bool ClearScheduleDate = false,
    string? PhaseMode = null,
    decimal? PhaseValue = null,
    IReadOnlyList<string>? PhaseTags = null,
    string? Version = null,
    string? VersionRequirement = null,
    string? VersionRequirementHyphenated = null,
    decimal? HaltFailureRate = null,
    int? HaltMinimumDevices = null,
    bool ClearFailurePolicy = false);
