using Hangar.Core.Versions;

namespace Hangar.Core.Releases;

/// <summary>One release of a cohort as the resolver sees it.</summary>
/// <param name="BundleDeliverable">Every binary of the bundle is signed and not destroyed.</param>
public sealed record ReleaseNode(
    Guid Id,
    Guid BundleId,
    Guid? NextId,
    bool Required,
    bool Disabled,
    DateTime? ScheduleDate,
    ReleasePhase Phase,
    SemanticVersion? Version,
    VersionRequirement? VersionRequirement,
    bool BundleDeliverable,
    DateTime CreatedAt);
