using Hangar.Agent.Installers;

namespace Hangar.Agent.TrialBoot;

/// <summary>A verified binary and the installer its metadata chose.</summary>
public sealed record InstallPlan(string BinaryId, string MetadataDigest, IInstaller Installer, InstallRequest Request, bool? RebootRequired);
