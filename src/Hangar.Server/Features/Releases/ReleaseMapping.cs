using Hangar.Contracts.Releases;
using Hangar.Core.Releases;
using Hangar.Core.Resources;
using Hangar.Core.Versions;
using Hangar.Data.Releases;

namespace Hangar.Server.Features.Releases;

/// <summary>A release as the API shows it, and as the graph rules and the resolver see it.</summary>
internal static class ReleaseMapping
{
    public static ReleaseResponse ToResponse(this Release release, DateTime now) => new(
        release.Id,
        ResourceName.Format(release.OrganizationId, ResourceTypes.Release, release.Id),
        release.Name,
        release.Description,
        release.CohortId,
        release.BundleId,
        release.NextReleaseId,
        release.Required,
        release.Disabled,
        release.ScheduleDate,
        release.ScheduleDate is null || release.ScheduleDate <= now,
        release.PhaseMode,
        Normalized(release.PhaseValue),
        release.PhaseTags,
        release.PhaseClaimCount,
        release.Version,
        release.VersionRequirement,
        release.HaltFailureRate is { } rate ? Normalized(rate) : null,
        release.HaltMinimumDevices,
        release.HaltedAt,
        release.HaltReason,
        release.RollbackOfReleaseId,
        release.CreatedAt,
        release.UpdatedAt);

    /// <summary>
    /// Without trailing zeros: PostgreSQL reads numeric(18,6) back as 0.250000 where SQLite keeps 0.25, and a value
    /// should read the same on both.
    /// </summary>
    public static decimal Normalized(decimal value) => value / 1.000000000000000000000000000000000m;

    public static ReleasePhase Phase(this Release release) =>
        new(PhaseModes.Parse(release.PhaseMode), release.PhaseValue, release.PhaseTags.ToHashSet(StringComparer.Ordinal));

    /// <summary>
    /// The release as a graph node. Stored versions and requirements were validated on the way in, so one that no
    /// longer parses is treated as absent rather than failing every check of the cohort.
    /// </summary>
    public static ReleaseNode ToNode(this Release release, bool bundleDeliverable) => new(
        release.Id,
        release.BundleId,
        release.NextReleaseId,
        release.Required,
        release.Disabled,
        release.ScheduleDate,
        release.Phase(),
        SemanticVersion.TryParse(release.Version, out var version) ? version : null,
        VersionRequirement.TryParse(release.VersionRequirement, out var requirement, out _) ? requirement : null,
        bundleDeliverable,
        release.CreatedAt);
}
