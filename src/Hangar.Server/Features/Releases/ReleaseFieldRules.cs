using Hangar.Core.Releases;
using Hangar.Core.Versions;
using Hangar.Server.Features.Devices;
using Hangar.Server.Hosting;
using Hangar.Server.Hosting.Validation;

namespace Hangar.Server.Features.Releases;

/// <summary>
/// Merges requested changes into a release's fields and checks every field's shape, reporting all bad fields at once
/// (400). Whether the resulting graph is allowed is a separate question (<see cref="CohortReleases"/>, 409).
/// </summary>
internal static class ReleaseFieldRules
{
    public const int MaxNameLength = 128;
    public const int MaxVersionLength = 128;

    // The columns keep six decimal places; more would be silently rounded, and the answer would not match the request.
    private const int MaxScale = 6;

    public static ReleaseFields Merge(ReleaseFields current, ReleaseChanges changes, RequestValidator validator)
    {
        validator.Text("name", changes.Name, max: MaxNameLength, required: false);
        validator.Text("description", changes.Description, max: 256, min: 0, required: false);
        if (changes.ScheduleDate is { Kind: not DateTimeKind.Utc })
        {
            validator.Add("schedule_date", "must be a UTC time (e.g. '2030-01-01T00:00:00Z').");
        }

        if (changes.ScheduleDate is not null && changes.ClearScheduleDate)
        {
            validator.Add("clear_schedule_date", "cannot be combined with schedule_date.");
        }

        var (mode, value, tags) = Phase(current, changes, validator);
        var version = Optional(changes.Version, current.Version);
        if (changes.Version is not null && version is not null && (version.Length > MaxVersionLength || !SemanticVersion.TryParse(version, out _)))
        {
            validator.Add("version", $"must be a semantic version of at most {MaxVersionLength} characters (e.g. 2.1.0 or 3.0.0-rc.1).");
        }

        if (changes.VersionRequirement is not null && changes.VersionRequirementHyphenated is not null)
        {
            validator.Add("version-requirement", "is the same field as version_requirement; give one of the two.");
        }

        var requirementText = changes.VersionRequirement ?? changes.VersionRequirementHyphenated;
        var requirement = Optional(requirementText, current.VersionRequirement);
        if (requirementText is not null && requirement is not null && !VersionRequirement.TryParse(requirement, out _, out var requirementError))
        {
            validator.Add("version_requirement", $"{requirementError} (e.g. '>= 1.0.0 and < 2.0.0' or '~> 2.1').");
        }

        var (rate, minimum) = changes.ClearFailurePolicy
            ? ((decimal?)null, (int?)null)
            : (changes.HaltFailureRate ?? current.HaltFailureRate, changes.HaltMinimumDevices ?? current.HaltMinimumDevices);
        if (changes.ClearFailurePolicy && (changes.HaltFailureRate is not null || changes.HaltMinimumDevices is not null))
        {
            validator.Add("clear_failure_policy", "cannot be combined with halt_failure_rate or halt_minimum_devices.");
        }
        else if (ReleaseFailurePolicy.Refusal(rate, minimum) is { } refusal)
        {
            validator.Add(refusal.Field, refusal.Message);
        }
        else if (rate is { } r && decimal.Round(r, MaxScale) != r)
        {
            validator.Add("halt_failure_rate", $"may have at most {MaxScale} decimal places.");
        }

        return new ReleaseFields(
            changes.Name?.Trim() ?? current.Name,
            Optional(changes.Description, current.Description),
            changes.Required ?? current.Required,
            changes.Disabled ?? current.Disabled,
            changes.ClearScheduleDate ? null : changes.ScheduleDate is { } date ? MicrosecondTimeProvider.Truncate(date) : current.ScheduleDate,
            mode,
            value,
            tags,
            version,
            requirement,
            rate,
            minimum);
    }

    /// <summary>
    /// The phase after the change. Without <c>phase_mode</c>, giving tags means a tag phase and giving a value a numeric
    /// one; otherwise the mode stays. A tag phase stores the value 1; a numeric phase stores no tags.
    /// </summary>
    private static (string Mode, decimal Value, IReadOnlyList<string> Tags) Phase(ReleaseFields current, ReleaseChanges changes, RequestValidator validator)
    {
        var modeText = changes.PhaseMode ?? (changes.PhaseTags, changes.PhaseValue) switch
        {
            (not null, null) => PhaseModes.Tags,
            (null, not null) => PhaseModes.Numeric,
            _ => current.PhaseMode,
        };
        if (!PhaseModes.TryParse(modeText, out var mode))
        {
            validator.Add("phase_mode", $"must be {PhaseModes.Numeric} or {PhaseModes.Tags}.");
            return (current.PhaseMode, current.PhaseValue, current.PhaseTags);
        }

        if (mode == PhaseMode.Tags)
        {
            if (changes.PhaseValue is not null)
            {
                validator.Add("phase_value", "applies to a numeric phase only; a tag phase admits devices by phase_tags.");
            }

            var tags = DeviceRules.NormalizeTags(changes.PhaseTags ?? current.PhaseTags);
            if (DeviceRules.TagsRefusal(tags) is { } refusal)
            {
                validator.Add("phase_tags", refusal);
            }
            else if (tags.Count == 0)
            {
                validator.Add("phase_tags", "a tag phase needs at least one tag.");
            }

            return (PhaseModes.Tags, 1m, tags);
        }

        if (changes.PhaseTags is { Count: > 0 })
        {
            validator.Add("phase_tags", "apply to a tag phase only (phase_mode tags).");
        }

        var value = changes.PhaseValue ?? (current.PhaseMode == PhaseModes.Numeric ? current.PhaseValue : 1m);
        if (!ReleasePhase.Share(value).IsValid || decimal.Round(value, MaxScale) != value)
        {
            validator.Add("phase_value", $"must be a fraction from 0 to 1 (at most {MaxScale} decimal places) or a whole number of devices from 2 to 1,000,000,000; 1 means everyone.");
        }

        return (PhaseModes.Numeric, value, []);
    }

    private static string? Optional(string? requested, string? current) => requested switch
    {
        null => current,
        _ when requested.Trim().Length == 0 => null,
        _ => requested.Trim(),
    };
}
