namespace Hangar.Core.Firmware;

/// <summary>
/// Which binaries a device can install, by target. A device installs the binaries of its own target (its record's
/// <c>target</c>) and <see cref="Portable"/> ones; a device whose target is not recorded is not judged.
/// </summary>
public static class BinaryTargets
{
    /// <summary>The target of binaries for any hardware (configuration, scripts); the agent installs it by default.</summary>
    public const string Portable = "portable";

    /// <summary>Whether binaries of <paramref name="bundleTargets"/> include one a device of <paramref name="deviceTarget"/> installs.</summary>
    public static bool Serves(IReadOnlySet<string> bundleTargets, string? deviceTarget) =>
        deviceTarget is null || bundleTargets.Contains(deviceTarget) || bundleTargets.Contains(Portable);

    /// <summary>The device targets, in order, that have nothing to install among <paramref name="bundleTargets"/>.</summary>
    public static IReadOnlyList<string> Missing(IReadOnlySet<string> bundleTargets, IEnumerable<string> deviceTargets) =>
        [.. deviceTargets.Where(target => !Serves(bundleTargets, target)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
