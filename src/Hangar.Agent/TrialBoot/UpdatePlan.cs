using Hangar.Agent.State;

namespace Hangar.Agent.TrialBoot;

/// <summary>An update whose binaries are downloaded and verified, each with the installer its metadata chose, in manifest order.</summary>
public sealed record UpdatePlan(UpdateSource Update, IReadOnlyList<InstallPlan> Binaries)
{
    public IReadOnlyList<PlannedBinary> Planned =>
        [.. Binaries.Select(binary => new PlannedBinary(binary.BinaryId, binary.MetadataDigest, binary.Installer.Name, binary.Target, binary.Sha256, binary.IntoInactiveSlot))];
}
