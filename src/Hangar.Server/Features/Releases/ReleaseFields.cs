using Hangar.Data.Releases;

namespace Hangar.Server.Features.Releases;

/// <summary>The fields of a release that a create or an update sets, validated together (see <see cref="ReleaseFieldRules"/>).</summary>
internal sealed record ReleaseFields(
    string Name,
    string? Description,
    bool Required,
    bool Disabled,
    DateTime? ScheduleDate,
    string PhaseMode,
    decimal PhaseValue,
    IReadOnlyList<string> PhaseTags,
    string? Version,
    string? VersionRequirement,
    decimal? HaltFailureRate,
    int? HaltMinimumDevices)
{
    /// <summary>What a new release starts from: not required, enabled, no schedule, everyone, no version, no policy.</summary>
    public static ReleaseFields Defaults { get; } = new("", null, false, false, null, PhaseModes.Numeric, 1m, [], null, null, null, null);

    public static ReleaseFields Of(Release release) => new(
        release.Name, release.Description, release.Required, release.Disabled, release.ScheduleDate, release.PhaseMode,
        release.PhaseValue, release.PhaseTags, release.Version, release.VersionRequirement, release.HaltFailureRate, release.HaltMinimumDevices);

    public void ApplyTo(Release release)
    {
        release.Name = Name;
        release.Description = Description;
        release.Required = Required;
        release.Disabled = Disabled;
        release.ScheduleDate = ScheduleDate;
        release.PhaseMode = PhaseMode;
        release.PhaseValue = PhaseValue;
        release.PhaseTags = [.. PhaseTags];
        release.Version = Version;
        release.VersionRequirement = VersionRequirement;
        release.HaltFailureRate = HaltFailureRate;
        release.HaltMinimumDevices = HaltMinimumDevices;
    }
}
