using Hangar.Data;
using Hangar.Data.Tenancy;
using Hangar.Server.Features.Updates;
using Hangar.Server.Tests.Fixtures;
using Hangar.Server.Tests.Updates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hangar.Server.Tests.Ddi;

/// <summary>
/// The SHA-1 and MD5 a deployment shows are the ones stored on the binary by the hashing worker, carried in the cached
/// manifest so an answer reads no row for them; a binary hashed before Hangar kept them gets them computed from its
/// blob on its first DDI answer, stored, and read from the row afterwards.
/// </summary>
public abstract class DdiArtifactDigestTests(DdiServer fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string RowOnlySha1 = "0123456789abcdef0123456789abcdef01234567";
    private const string RowOnlyMd5 = "0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task Deployment_ShowsTheDigestsItsManifestCarries_WithoutReadingTheRowAgain()
    {
        var (fleet, binaryId, deployment, ddi) = await DeploymentAsync("carried");
        using var client = ddi;
        var uploaded = await fleet.Tenant.Owner.Binaries.GetAsync(binaryId.ToString(), Cancel);
        Assert.NotNull(uploaded.Sha1);
        Assert.Equal((uploaded.Sha1, uploaded.Md5), await HashesAsync(ddi, deployment));

        // Only the row changes: answers from the cached manifest do not read it (a value only the row holds would show).
        await SetDigestsAsync(binaryId, RowOnlySha1, RowOnlyMd5);
        Assert.Equal((uploaded.Sha1, uploaded.Md5), await HashesAsync(ddi, deployment));

        // The manifest loaded again carries what the row holds then.
        await ForgetManifestAsync(binaryId);
        Assert.Equal((RowOnlySha1, RowOnlyMd5), await HashesAsync(ddi, deployment));
    }

    [Fact]
    public async Task Deployment_FillsInTheDigestsOfABinaryWithout_AndStoresThem()
    {
        var (fleet, binaryId, deployment, ddi) = await DeploymentAsync("filled");
        using var client = ddi;
        var uploaded = await fleet.Tenant.Owner.Binaries.GetAsync(binaryId.ToString(), Cancel);

        // A binary uploaded before the digests were kept: its row has none. The first answer computes and stores them.
        await SetDigestsAsync(binaryId, null, null);
        await ForgetManifestAsync(binaryId);
        var filled = await HashesAsync(ddi, deployment);
        var content = await ddi.Http.GetByteArrayAsync(await DownloadAsync(ddi, deployment), Cancel);
        Assert.Equal(LegacyDigests.Of(content), filled);
        Assert.Equal(filled, (uploaded.Sha1, uploaded.Md5));
        var stored = await fleet.Tenant.Owner.Binaries.GetAsync(binaryId.ToString(), Cancel);
        Assert.Equal(filled, (stored.Sha1, stored.Md5));
    }

    private async Task<(UpdateFleet Fleet, Guid BinaryId, string Deployment, DdiWireClient Ddi)> DeploymentAsync(string controller)
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        var bundle = await fleet.BundleAsync(size: 5000);
        var binaryId = Assert.Single(bundle.Binaries).BinaryId;
        await fleet.ReleaseAsync("r2", bundle, version: "2.0.0", versionRequirement: ">= 1.0.0");
        // Over a target token: the device's own client (mutual TLS) is not needed.
        var (device, ddi) = await DdiWireClient.CreateAsync(fixture, fleet, controller, DdiWireClient.Token);
        device.Dispose();
        var links = (await ddi.JsonAsync()).GetProperty("_links");
        return (fleet, binaryId, links.GetProperty("deploymentBase").GetProperty("href").GetString()!, ddi);
    }

    /// <summary>Drops the cached manifest of the binary's bundles, as a revocation does, so the next answer loads it again.</summary>
    private async Task ForgetManifestAsync(Guid binaryId)
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
        var bundles = await db.BundleEntries.IgnoreQueryFilters([TenantFilter.Name]).Where(e => e.BinaryId == binaryId)
            .Select(e => e.BundleId).ToListAsync(Cancel);
        await fixture.Server.Services.GetRequiredService<UpdateManifestCache>().ForgetAsync(bundles, Cancel);
    }

    private async Task SetDigestsAsync(Guid binaryId, string? sha1, string? md5)
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
        await db.Binaries.IgnoreQueryFilters([TenantFilter.Name]).Where(b => b.Id == binaryId)
            .ExecuteUpdateAsync(b => b.SetProperty(x => x.Sha1, sha1).SetProperty(x => x.Md5, md5), Cancel);
    }

    private static async Task<(string? Sha1, string? Md5)> HashesAsync(DdiWireClient ddi, string deployment)
    {
        var hashes = (await ddi.JsonAsync(deployment)).GetProperty("deployment").GetProperty("chunks")[0].GetProperty("artifacts")[0].GetProperty("hashes");
        return (hashes.GetProperty("sha1").GetString(), hashes.GetProperty("md5").GetString());
    }

    private static async Task<string> DownloadAsync(DdiWireClient ddi, string deployment) =>
        (await ddi.JsonAsync(deployment)).GetProperty("deployment").GetProperty("chunks")[0].GetProperty("artifacts")[0]
            .GetProperty("_links").GetProperty("download-http").GetProperty("href").GetString()!;

    public sealed class OnSqlite(DdiSqliteServer fixture) : DdiArtifactDigestTests(fixture), IClassFixture<DdiSqliteServer>;

    public sealed class OnPostgres(DdiPostgresServer fixture) : DdiArtifactDigestTests(fixture), IClassFixture<DdiPostgresServer>;
}
