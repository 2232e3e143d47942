using Hangar.Core.Firmware;
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
    DateTime CreatedAt)
{
    /// <summary>The targets of the bundle's binaries; null when not known, which serves every device.</summary>
    public IReadOnlySet<string>? BundleTargets { get; init; }

    /// <summary>Whether the bundle has something a device of <paramref name="deviceTarget"/> installs (see <see cref="BinaryTargets"/>).</summary>
    public bool Serves(string? deviceTarget) => BundleTargets is null || BinaryTargets.Serves(BundleTargets, deviceTarget);
}
