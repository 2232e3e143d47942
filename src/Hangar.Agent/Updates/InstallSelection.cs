using System.Text.Json;
using System.Text.Json.Nodes;
using Hangar.Agent.Installers;
using Hangar.Agent.State;
using Hangar.Contracts.Updates;

namespace Hangar.Agent.Updates;

/// <summary>
/// Which binaries of an offered bundle the device installs: those for its targets that the target they run from does
/// not hold exactly now (by binary id, SHA-256 and metadata digest). Each gets the installer its metadata chose,
/// checked before a byte is fetched, and, when the inactive A/B slot provably holds it (the record says so and its
/// bytes hash right), that copy instead of a download.
/// </summary>
internal sealed class InstallSelection(UpdateRunnerOptions options, InstallerSelector installers)
{
    /// <returns>The binaries to install in manifest order, or the reason the update cannot be installed.</returns>
    public (IReadOnlyList<PreparedBinary> Binaries, string? Error) Select(UpdateCheckResponse answer, AgentState state)
    {
        var prepared = new List<PreparedBinary>();
        foreach (var entry in answer.Manifest.Where(entry => options.Targets.Contains(entry.Target, StringComparer.Ordinal)).OrderBy(entry => entry.Position))
        {
            var metadata = entry.CustomMetadata.ValueKind == JsonValueKind.Object ? JsonObject.Create(entry.CustomMetadata) : null;
            var digest = MetadataDigest.Compute(metadata);
            var binaryId = entry.BinaryId.ToString();
            if (!InstallerMetadata.TryRead(metadata, out var read, out var error) || !installers.TrySelect(read, out var installer, out error))
            {
                return ([], $"binary {entry.BinaryId} ({entry.Artifact.Name} {entry.ArtifactVersion.Version}): {error}");
            }

            if (state.Holds(installer.RunningTarget(entry.Artifact.Name, read.Options), binaryId, entry.Sha256, digest))
            {
                continue;
            }

            var target = installer.InstallTarget(entry.Artifact.Name, read.Options);
            var intoInactiveSlot = installer is SlotInstaller;
            var heldCopy = installer is SlotInstaller slots && state.Holds(target, binaryId, entry.Sha256, digest)
                ? slots.VerifiedInactiveCopy(read.Options, entry.Sha256)
                : null;
            prepared.Add(new PreparedBinary(entry, read, installer, digest, target, intoInactiveSlot, heldCopy));
        }

        return (prepared, null);
    }
}
