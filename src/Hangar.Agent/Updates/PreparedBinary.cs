using Hangar.Agent.Installers;
using Hangar.Contracts.Updates;

namespace Hangar.Agent.Updates;

/// <summary>A manifest entry for this device that its running target does not hold, with the installer its metadata chose.</summary>
/// <param name="Target">Where the install writes it (<see cref="IInstaller.InstallTarget"/>).</param>
/// <param name="HeldCopy">The inactive A/B slot's verified copy of it, when no download is needed.</param>
internal sealed record PreparedBinary(
    ManifestEntryResponse Entry, InstallerMetadata Metadata, IInstaller Installer, string MetadataDigest, string Target, bool IntoInactiveSlot, string? HeldCopy)
{
    public string Key => Entry.BinaryId.ToString();

    public string Describe => $"binary {Entry.BinaryId} ({Entry.Artifact.Name} {Entry.ArtifactVersion.Version})";
}
