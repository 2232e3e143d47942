using Hangar.Client;
using Hangar.Contracts.Common;
using Hangar.Contracts.Firmware;
using Hangar.Contracts.Releases;
using Hangar.Server.Tests.Fixtures;
using Hangar.Server.Tests.Updates;
using NSec.Cryptography;

namespace Hangar.Server.Tests.Firmware;

/// <summary>
/// Revoking a signing key: its signatures stop counting for the server's threshold and leave the manifests devices
/// receive; bundles left without valid signatures stop being delivered and cannot be released; the key stays dead.
/// </summary>
public abstract class SigningKeyRevocationTests(ServerFixture fixture) : IDisposable
{
    private readonly Dictionary<Guid, Key> _signers = [];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        foreach (var key in _signers.Values)
        {
            key.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Revoke_KeyOfOneOfTwoSignatures_LeavesTheManifestWithTheOtherOnly()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        var client = fleet.Tenant.Owner;
        var (binary, kept) = await SignedByAsync(client, 2);
        var bundle = await client.Bundles.CreateAsync(new CreateBundleRequest([new BundleEntryRequest(binary.Id.ToString())]), cancellationToken: Cancel);
        var start = await fleet.ReleaseAsync("r0", await fleet.BundleAsync());
        await fleet.ReleaseAsync("r1", bundle);
        using var device = await fleet.DeviceAsync("gw-1");
        Assert.Equal(2, Assert.Single((await UpdateFleet.CheckAsync(device, release: start.Id.ToString())).Manifest).Signatures.Count);

        var revoked = await client.SigningKeys.RevokeAsync(kept[0].Id.ToString(), new RevokeSigningKeyRequest("leaked on a build server"), Cancel);

        Assert.Equal(SigningKeyStates.Revoked, revoked.State);
        Assert.NotNull(revoked.RevokedAt);
        Assert.Equal("leaked on a build server", revoked.RevocationReason);
        var entry = Assert.Single((await UpdateFleet.CheckAsync(device, release: start.Id.ToString())).Manifest);
        Assert.Equal(kept[1].KeyId, Assert.Single(entry.Signatures).KeyId);
        Assert.Equal("signed", (await client.Binaries.GetAsync(binary.Id.ToString(), Cancel)).State);
        var listed = await client.SigningKeys.ListAsync(new ListOptions(Search: "revoked:true"), Cancel);
        Assert.Equal(kept[0].Id, Assert.Single(listed.Data).Id);
    }

    [Fact]
    public async Task Revoke_LastValidSignature_MakesTheBundleUndeliverable_AndDevicesStepBack()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        var client = fleet.Tenant.Owner;
        var start = await fleet.ReleaseAsync("r0", await fleet.BundleAsync());
        var earlier = await fleet.ReleaseAsync("r1", await fleet.BundleAsync());
        var (binary, keys) = await SignedByAsync(client, 1);
        var bundle = await client.Bundles.CreateAsync(new CreateBundleRequest([new BundleEntryRequest(binary.Id.ToString())]), cancellationToken: Cancel);
        var latest = await fleet.ReleaseAsync("r2", bundle);
        using var device = await fleet.DeviceAsync("gw-1");
        Assert.Equal(latest.Id, (await UpdateFleet.CheckAsync(device, release: start.Id.ToString())).Release!.Id);

        await client.SigningKeys.RevokeAsync(keys[0].KeyId, new RevokeSigningKeyRequest("leaked"), Cancel);

        Assert.Equal(earlier.Id, (await UpdateFleet.CheckAsync(device, release: start.Id.ToString())).Release!.Id);
        Assert.Equal("signable", (await client.Binaries.GetAsync(binary.Id.ToString(), Cancel)).State);
        Assert.False((await client.Bundles.GetAsync(bundle.Id.ToString(), Cancel)).Deliverable);
        var release = await Api.ThrowsApiAsync(() => client.Releases.CreateAsync(
            new CreateReleaseRequest("again", fleet.Cohort.Id.ToString(), bundle.Id.ToString()), cancellationToken: Cancel));
        Assert.Equal(ErrorCodes.BundleNotDeliverable, release.Code);
        var pin = await Api.ThrowsApiAsync(() => client.BundleOverrides.CreateAsync(
            new CreateBundleOverrideRequest("pin", bundle.Id.ToString(), TimeProvider.System.GetUtcNow().UtcDateTime), cancellationToken: Cancel));
        Assert.Equal(ErrorCodes.BundleNotDeliverable, pin.Code);
    }

    [Fact]
    public async Task Revoke_IsAuditedAndRecorded_OnceEvenWhenRepeated()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        var client = fleet.Tenant.Owner;
        var (_, keys) = await SignedByAsync(client, 1);

        await client.SigningKeys.RevokeAsync(keys[0].Hrn, new RevokeSigningKeyRequest("first"), Cancel);
        var again = await client.SigningKeys.RevokeAsync(keys[0].Hrn, new RevokeSigningKeyRequest("second"), Cancel);

        Assert.Equal("first", again.RevocationReason);
        var recorded = Assert.Single(await fleet.EventsAsync("signing_key.revoked"));
        Assert.Equal(keys[0].Id, recorded.ResourceId);
        Assert.Equal("first", recorded.Data.GetProperty("reason").GetString());
        Assert.Equal(1, recorded.Data.GetProperty("binaries_unsigned").GetInt32());
        var audit = await client.Audit.ListAsync(new ListOptions(Search: "action:'signing_key.revoke'"), Cancel);
        Assert.Equal(2, audit.Data.Count);
        Assert.All(audit.Data, row => Assert.Equal(keys[0].Id, row.ResourceId));
    }

    [Fact]
    public async Task RevokedKey_CannotSignOrBeDeleted_AndANewKeysSignatureRestoresTheBundle()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        var client = fleet.Tenant.Owner;
        var (binary, keys) = await SignedByAsync(client, 1);
        var bundle = await client.Bundles.CreateAsync(new CreateBundleRequest([new BundleEntryRequest(binary.Id.ToString())]), cancellationToken: Cancel);
        var other = await FirmwareBuilder.SignableAsync(client, FirmwareBuilder.Bytes(1200));
        await client.SigningKeys.RevokeAsync(keys[0].Id.ToString(), new RevokeSigningKeyRequest("leaked"), Cancel);

        var sign = await Api.ThrowsApiAsync(() => client.BinarySignatures.CreateAsync(
            new CreateBinarySignatureRequest(other.Id.ToString(), keys[0].Id.ToString(), FirmwareBuilder.SignDigest(_signers[keys[0].Id], other.Sha256)), cancellationToken: Cancel));
        var delete = await Api.ThrowsApiAsync(() => client.SigningKeys.DeleteAsync(keys[0].Id.ToString(), Cancel));
        var (fresh, signer) = await FirmwareBuilder.SigningKeyAsync(client);
        using (signer)
        {
            await client.BinarySignatures.CreateAsync(
                new CreateBinarySignatureRequest(binary.Id.ToString(), fresh.Id.ToString(), FirmwareBuilder.SignDigest(signer, binary.Sha256)), cancellationToken: Cancel);
        }

        Assert.Equal(ErrorCodes.SigningKeyRevoked, sign.Code);
        Assert.Equal(ErrorCodes.SigningKeyRevoked, delete.Code);
        Assert.True((await client.Bundles.GetAsync(bundle.Id.ToString(), Cancel)).Deliverable);
        Assert.Equal(SigningKeyStates.Revoked, (await client.SigningKeys.GetAsync(keys[0].Id.ToString(), Cancel)).State);
    }

    /// <summary>A binary signed by <paramref name="count"/> fresh keys (their private halves kept for the test).</summary>
    private async Task<(BinaryResponse Binary, List<SigningKeyResponse> Keys)> SignedByAsync(HangarClient client, int count)
    {
        var binary = await FirmwareBuilder.SignableAsync(client, FirmwareBuilder.Bytes(1500));
        var keys = new List<SigningKeyResponse>();
        for (var i = 0; i < count; i++)
        {
            var (registered, key) = await FirmwareBuilder.SigningKeyAsync(client);
            _signers[registered.Id] = key;
            await client.BinarySignatures.CreateAsync(
                new CreateBinarySignatureRequest(binary.Id.ToString(), registered.Id.ToString(), FirmwareBuilder.SignDigest(key, binary.Sha256)), cancellationToken: Cancel);
            keys.Add(registered);
        }

        return (binary, keys);
    }

    public sealed class OnSqlite(SqliteServer fixture) : SigningKeyRevocationTests(fixture);

    public sealed class OnPostgres(PostgresServer fixture) : SigningKeyRevocationTests(fixture);
}
