using System.Globalization;
using Hangar.Data;
using Hangar.Data.Tenancy;
using Hangar.Server.Features.Firmware;
using Hangar.Server.Features.Updates;
using Hangar.Server.Hosting.Problems;
using Hangar.Server.Hosting.RateLimiting;
using Hangar.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Ddi;

/// <summary>
/// hawkBit's artifact resources, <c>softwaremodules/{moduleId}/artifacts[/{fileName}[.MD5SUM]]</c>: the list of a
/// module's artifacts, the bytes (Range, If-Range, a strong ETag; 307 to the object store when it presigns) and the
/// <c>md5sum</c> text file. A module is one binary of one of the device's actions, so a device reads only what it was
/// offered; anything else is 404. Served on both DDI listeners with the request's own credential, so a token client
/// downloads with its token as hawkBit's do.
/// </summary>
internal static class DdiArtifactEndpoints
{
    private const string Md5SumSuffix = ".MD5SUM";

    public static void MapDdiArtifacts(this RouteGroupBuilder controller)
    {
        controller.MapGet("/softwaremodules/{moduleId:long}/artifacts", ListAsync);
        controller.MapGet("/softwaremodules/{moduleId:long}/artifacts/{fileName}", DownloadAsync).WithMetadata(new DownloadTrafficAttribute());
    }

    private static async Task<IResult> ListAsync(
        string tenant, string controllerId, long moduleId, HttpContext http, HangarDbContext db, UpdateManifestCache manifests, DdiArtifactHashes hashes,
        CancellationToken cancellationToken)
    {
        var (controller, problem) = await DdiController.ResolveAsync(http, db, tenant, controllerId, cancellationToken);
        if (controller is null)
        {
            return problem!;
        }

        var binary = await FindAsync(db, manifests, controller, moduleId, cancellationToken);
        return binary is null
            ? Problems.NotFound("Software module")
            : DdiJson.Tagged(http, new[] { await DdiArtifactLinks.ArtifactAsync(binary, controller, hashes, cancellationToken) });
    }

    private static async Task<IResult> DownloadAsync(
        string tenant, string controllerId, long moduleId, string fileName, HttpContext http, HangarDbContext db, UpdateManifestCache manifests,
        DdiArtifactHashes hashes, DownloadUrls urls, IBlobStore blobs, CancellationToken cancellationToken)
    {
        var (controller, problem) = await DdiController.ResolveAsync(http, db, tenant, controllerId, cancellationToken);
        if (controller is null)
        {
            return problem!;
        }

        var binary = await FindAsync(db, manifests, controller, moduleId, cancellationToken);
        if (binary is null)
        {
            return Problems.NotFound("Software module");
        }

        var artifactName = DdiDeployments.FileName(binary);
        if (fileName == artifactName + Md5SumSuffix)
        {
            var hashed = await hashes.ForAsync(binary, cancellationToken);
            return hashed is null
                ? Problems.NotFound("Artifact")
                : TypedResults.Text(string.Create(CultureInfo.InvariantCulture, $"{hashed.Md5}  {artifactName}\n"), "text/plain");
        }

        if (fileName != artifactName)
        {
            return Problems.NotFound("Artifact");
        }

        // The module is one the device was offered (checked above), so the binary row is read without the tenant filter's
        // help only to reach its state; it belongs to the device's organization.
        var row = await db.Binaries.IgnoreQueryFilters([TenantFilter.Name]).AsNoTracking()
            .SingleOrDefaultAsync(b => b.Id == binary.BinaryId && b.OrganizationId == controller.OrganizationId, cancellationToken);
        return row is null ? Problems.NotFound("Artifact") : await BinaryDownloadEndpoints.ServeOrRedirectAsync(row, urls, blobs, http, cancellationToken);
    }

    private static async Task<ManifestBinary?> FindAsync(
        HangarDbContext db, UpdateManifestCache manifests, DdiController controller, long moduleId, CancellationToken cancellationToken)
    {
        var actions = await DdiActions.LoadAsync(db, controller.DeviceId, cancellationToken);
        foreach (var bundleId in actions.BundleIds)
        {
            var manifest = await manifests.GetAsync(db, bundleId, cancellationToken);
            if (manifest?.Binaries.FirstOrDefault(b => DdiArtifactLinks.ModuleId(b) == moduleId) is { } binary)
            {
                return binary;
            }
        }

        return null;
    }
}
