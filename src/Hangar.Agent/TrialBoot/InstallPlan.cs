using Hangar.Agent.Installers;

namespace Hangar.Agent.TrialBoot;

/// <summary>A verified binary and the installer its metadata chose.</summary>
/// <param name="Target">The install target it is written to (<see cref="IInstaller.InstallTarget"/>).</param>
/// <param name="IntoInactiveSlot">The target is the A/B slot that is not running.</param>
public sealed record InstallPlan(
    string BinaryId, string MetadataDigest, IInstaller Installer, InstallRequest Request, bool? RebootRequired, string Target, string Sha256, bool IntoInactiveSlot);
