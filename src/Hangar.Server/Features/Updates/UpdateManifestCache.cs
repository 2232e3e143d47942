using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Hangar.Contracts.Updates;
using Hangar.Core.Firmware;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Server.Features.Firmware;
using Hangar.Server.Hosting.Cluster;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Updates;

/// <summary>
/// Bundle manifests for update answers, cached for <see cref="UpdatesOptions.ManifestCacheSeconds"/>: a bundle never
/// changes its binaries, so a fleet checking against the same bundle costs one set of queries per period. Manifests
/// carry only signatures by keys that are not revoked; a revocation forgets the affected bundles on every node
/// (through the <see cref="IClusterSignal"/>; a node that may have missed a signal forgets them all).
/// </summary>
internal sealed class UpdateManifestCache : IRevokedSignatureCaches
{
    private const string Topic = "update-manifests";
    private const int MaxBundles = 1_000;
    private readonly ConcurrentDictionary<Guid, (UpdateManifest Manifest, DateTimeOffset LoadedAt)> _manifests = new();
    private readonly TimeProvider _time;
    private readonly IOptions<UpdatesOptions> _options;
    private readonly IClusterSignal _cluster;

    public UpdateManifestCache(TimeProvider time, IOptions<UpdatesOptions> options, IClusterSignal cluster)
    {
        _time = time;
        _options = options;
        _cluster = cluster;
        cluster.Subscribe(Topic, Changed);
    }

    public async Task<UpdateManifest?> GetAsync(HangarDbContext db, Guid bundleId, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (_manifests.TryGetValue(bundleId, out var cached) && now - cached.LoadedAt < TimeSpan.FromSeconds(_options.Value.ManifestCacheSeconds))
        {
            return cached.Manifest;
        }

        var manifest = await LoadAsync(db, bundleId, cancellationToken);
        if (manifest is not null)
        {
            if (_manifests.Count >= MaxBundles)
            {
                _manifests.Clear();
            }

            _manifests[bundleId] = (manifest, now);
        }

        return manifest;
    }

    /// <summary>Drops these bundles' manifests (their signatures changed) on every node, so the next check loads them again.</summary>
    public async Task ForgetAsync(IEnumerable<Guid> bundleIds, CancellationToken cancellationToken)
    {
        foreach (var bundleId in bundleIds)
        {
            await _cluster.PublishAsync(Topic, bundleId.ToString(), cancellationToken);
        }
    }

    private void Changed(string? key)
    {
        if (key is null)
        {
            _manifests.Clear();
        }
        else if (Guid.TryParse(key, out var bundleId))
        {
            _manifests.TryRemove(bundleId, out _);
        }
    }

    private static string Fingerprint(UpdateBundleSummary bundle, List<ManifestBinary> binaries)
    {
        var shown = JsonSerializer.SerializeToUtf8Bytes(new { bundle, binaries });
        return Convert.ToHexStringLower(SHA256.HashData(shown));
    }

    private static async Task<UpdateManifest?> LoadAsync(HangarDbContext db, Guid bundleId, CancellationToken cancellationToken)
    {
        var bundle = await db.Bundles.AsNoTracking().SingleOrDefaultAsync(b => b.Id == bundleId, cancellationToken);
        if (bundle is null)
        {
            return null;
        }

        var rows = await (
            from e in db.BundleEntries
            join b in db.Binaries on e.BinaryId equals b.Id
            join v in db.ArtifactVersions on b.ArtifactVersionId equals v.Id
            join a in db.Artifacts on v.ArtifactId equals a.Id
            where e.BundleId == bundleId
            orderby e.Position
            select new { e.Position, e.CustomMetadata, Binary = b, VersionId = v.Id, v.Version, ArtifactId = a.Id, ArtifactName = a.Name })
            .AsNoTracking().ToListAsync(cancellationToken);
        var binaryIds = rows.Select(r => r.Binary.Id).ToList();
        var signatures = (await (
            from s in db.BinarySignatures
            join k in db.SigningKeys on s.SigningKeyId equals k.Id
            where binaryIds.Contains(s.BinaryId) && k.RevokedAt == null
            orderby s.CreatedAt
            select new { s.BinaryId, KeyId = k.Id, k.OrganizationId, KeyHash = k.KeyId, k.PublicKey, s.Signature })
            .AsNoTracking().ToListAsync(cancellationToken)).ToLookup(s => s.BinaryId);

        var organization = bundle.OrganizationId;
        var binaries = rows.Select(r => new ManifestBinary(
            r.Position,
            r.Binary.Id,
            ResourceName.Format(organization, ResourceTypes.Binary, r.Binary.Id),
            new ManifestArtifact(r.ArtifactId, ResourceName.Format(organization, ResourceTypes.Artifact, r.ArtifactId), r.ArtifactName),
            new ManifestArtifactVersion(r.VersionId, ResourceName.Format(organization, ResourceTypes.ArtifactVersion, r.VersionId), r.Version),
            r.Binary.Target,
            r.Binary.Size,
            r.Binary.Sha256,
            CustomMetadata.Parse(r.CustomMetadata ?? "{}")!.Value,
            [.. signatures[r.Binary.Id].Select(s => new ManifestSignature(
                s.KeyId,
                ResourceName.Format(s.OrganizationId, ResourceTypes.SigningKey, s.KeyId),
                s.KeyHash,
                Convert.ToBase64String(s.PublicKey),
                Convert.ToBase64String(s.Signature)))],
            r.Binary is { Sha1: { } sha1, Md5: { } md5 } ? new ManifestLegacyDigests(sha1, md5) : null)).ToList();
        var summary = new UpdateBundleSummary(bundle.Id, ResourceName.Format(organization, ResourceTypes.Bundle, bundle.Id), bundle.Name, bundle.Hash);
        return new UpdateManifest(summary, rows.Count > 0 && rows.All(r => r.Binary.State == BinaryState.Signed), binaries, Fingerprint(summary, binaries));
    }
}
