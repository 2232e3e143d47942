using Hangar.Core.Versions;

namespace Hangar.Core.Releases;

/// <summary>What the resolver knows of a device: its place in the fleet and what it reports running.</summary>
public sealed record DeviceState(
    Guid DeviceId,
    bool Quarantined,
    Guid? CohortId,
    IReadOnlySet<string> Tags,
    Guid? ReportedReleaseId,
    Guid? ReportedBundleId,
    SemanticVersion? ReportedVersion);
