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
    SemanticVersion? ReportedVersion)
{
    /// <summary>The device's recorded hardware target; null when not recorded (every bundle is taken to serve it).</summary>
    public string? Target { get; init; }
}
