using Hangar.Agent.Installers;
using Hangar.Contracts.Updates;

namespace Hangar.Agent.Updates;

/// <summary>A manifest entry for this device that is not installed yet, with the installer its metadata chose.</summary>
internal sealed record PreparedBinary(ManifestEntryResponse Entry, InstallerMetadata Metadata, IInstaller Installer, string MetadataDigest)
{
    public string Key => Entry.BinaryId.ToString();
}
