using Hangar.Server.Features.Ddi.Wire;
using Hangar.Server.Features.Updates;

namespace Hangar.Server.Features.Ddi;

/// <summary>
/// An artifact as a DDI client sees it: its module id (a number derived from the binary's id, as action ids are from
/// update rows), file name, size, hashes, and links to its bytes and <c>.MD5SUM</c> under the controller's own path on
/// the listener the client came through. hawkBit names the relations <c>download</c>/<c>md5sum</c> for https and
/// <c>download-http</c>/<c>md5sum-http</c> for plain http.
/// </summary>
internal static class DdiArtifactLinks
{
    public static long ModuleId(ManifestBinary binary) => DdiActionIds.For(binary.BinaryId);

    public static async Task<DdiArtifact> ArtifactAsync(ManifestBinary binary, DdiController controller, DdiArtifactHashes hashes, CancellationToken cancellationToken)
    {
        var fileName = DdiDeployments.FileName(binary);
        var hashed = await hashes.ForAsync(binary, cancellationToken) ?? new DdiHashes("", "", binary.Sha256);
        var url = $"{controller.BaseUrl}/softwaremodules/{ModuleId(binary)}/artifacts/{Uri.EscapeDataString(fileName)}";
        var suffix = url.StartsWith("https:", StringComparison.Ordinal) ? "" : "-http";
        return new DdiArtifact(fileName, binary.Size, hashed, new Dictionary<string, DdiLink>(StringComparer.Ordinal)
        {
            ["download" + suffix] = new(url),
            ["md5sum" + suffix] = new(url + ".MD5SUM"),
        });
    }
}
