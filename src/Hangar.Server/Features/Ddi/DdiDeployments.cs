using Hangar.Core.Releases;
using Hangar.Data;
using Hangar.Data.Releases;
using Hangar.Server.Features.Ddi.Wire;
using Hangar.Server.Features.Updates;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Ddi;

/// <summary>
/// Renders an action (a device update row) as hawkBit's <c>DdiDeploymentBase</c>: one chunk per binary of the row's
/// bundle, in install order, each with one artifact. <c>forced</c> for a required release, <c>attempt</c> otherwise
/// (a bundle override included: hawkBit's soft assignment); the artifact's file name is the artifact's name when it
/// has an extension (<c>rootfs.swu</c>), else <c>name-version</c>.
/// </summary>
internal sealed class DdiDeployments(HangarDbContext db, UpdateManifestCache manifests, DdiArtifactHashes hashes)
{
    public async Task<DdiDeploymentBase?> RenderAsync(DeviceUpdate action, DdiController controller, int actionHistory, CancellationToken cancellationToken)
    {
        var manifest = await manifests.GetAsync(db, action.BundleId, cancellationToken);
        if (manifest is null)
        {
            return null;
        }

        var required = action.ReleaseId is { } releaseId && await db.Releases.AnyAsync(r => r.Id == releaseId && r.Required, cancellationToken);
        var handling = required ? "forced" : "attempt";
        var chunks = new List<DdiChunk>();
        foreach (var binary in manifest.Binaries)
        {
            var artifact = await DdiArtifactLinks.ArtifactAsync(binary, controller, hashes, cancellationToken);
            chunks.Add(new DdiChunk(binary.Artifact.Name, binary.ArtifactVersion.Version, binary.Artifact.Name, [artifact]));
        }

        return new DdiDeploymentBase(DdiActionIds.For(action.Id).ToString(System.Globalization.CultureInfo.InvariantCulture),
            new DdiDeployment(handling, handling, chunks), actionHistory > 0 ? History(action, actionHistory) : null);
    }

    public static string FileName(ManifestBinary binary) =>
        Path.HasExtension(binary.Artifact.Name) ? binary.Artifact.Name : $"{binary.Artifact.Name}-{binary.ArtifactVersion.Version}";

    /// <summary>hawkBit's action status words, and the messages Hangar keeps: the failure reason and the log tail's last lines.</summary>
    private static DdiActionHistory History(DeviceUpdate action, int count)
    {
        var status = action.State switch
        {
            UpdateState.Committed => "FINISHED",
            UpdateState.Failed or UpdateState.RolledBack => "ERROR",
            UpdateState.Aborted => "CANCELED",
            UpdateState.Downloading => "DOWNLOAD",
            UpdateState.Downloaded => "DOWNLOADED",
            _ => "RUNNING",
        };
        var messages = (action.LogTail ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries).Prepend(action.Reason).OfType<string>().TakeLast(count).ToList();
        return new DdiActionHistory(status, messages);
    }
}
