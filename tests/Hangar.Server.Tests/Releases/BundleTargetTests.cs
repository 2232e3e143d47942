using Hangar.Contracts.Common;
using Hangar.Contracts.Devices;
using Hangar.Contracts.Firmware;
using Hangar.Contracts.Releases;
using Hangar.Server.Tests.Firmware;
using Hangar.Server.Tests.Fixtures;
using Hangar.Server.Tests.Updates;

namespace Hangar.Server.Tests.Releases;

/// <summary>
/// Hardware targets: releases and overrides refuse a bundle with nothing for the targets of the devices they reach,
/// and the update check never offers a device a bundle without a binary for its target.
/// </summary>
public abstract class BundleTargetTests(ServerFixture fixture)
{
    private const string Portable = "portable";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Release_BundleWithoutTheCohortsTarget_Is422NamingTheTarget()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        using var device = await DeviceAsync(fleet, "gw-1", "x86_64");
        var t25 = await BundleAsync(fleet, "t25");

        var error = await Api.ThrowsApiAsync(() => fleet.ReleaseAsync("r1", t25));

        Assert.Equal(422, error.Problem!.Status);
        Assert.Equal(ErrorCodes.BundleTargetMismatch, error.Code);
        Assert.Contains("'x86_64'", error.Problem.Detail);
        Assert.Empty((await fleet.Tenant.Owner.Releases.ListAsync(cancellationToken: Cancel)).Data);
    }

    [Fact]
    public async Task Release_SingleTargetCohort_IsRefusedEvenWithAllowMissingTargets()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        using var device = await DeviceAsync(fleet, "gw-1", "x86_64");
        var t25 = await BundleAsync(fleet, "t25");

        var error = await Api.ThrowsApiAsync(() => CreateAsync(fleet, "r1", t25, allowMissingTargets: true));

        Assert.Equal(ErrorCodes.BundleTargetMismatch, error.Code);
    }

    [Fact]
    public async Task Release_SeveralTargets_NeedsTheFlag_ThenOnlyServedDevicesAreOfferedIt()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        using var x86 = await DeviceAsync(fleet, "gw-x86", "x86_64");
        using var board = await DeviceAsync(fleet, "gw-t25", "t25");
        var start = await fleet.ReleaseAsync("r0", await BundleAsync(fleet, Portable));
        var both = await fleet.ReleaseAsync("r1", await BundleAsync(fleet, "x86_64", "t25"));
        var t25Only = await BundleAsync(fleet, "t25");

        var refused = await Api.ThrowsApiAsync(() => CreateAsync(fleet, "r2", t25Only, allowMissingTargets: false));
        var latest = await CreateAsync(fleet, "r2", t25Only, allowMissingTargets: true);

        Assert.Equal(ErrorCodes.BundleTargetMismatch, refused.Code);
        Assert.Contains("'x86_64'", refused.Problem!.Detail);
        Assert.DoesNotContain("'t25'", refused.Problem.Detail);
        Assert.Equal(latest.Id, (await UpdateFleet.CheckAsync(board, release: start.Id.ToString())).Release!.Id);
        // The x86_64 device steps back over the release it cannot install to the one before it.
        Assert.Equal(both.Id, (await UpdateFleet.CheckAsync(x86, release: start.Id.ToString())).Release!.Id);
        Assert.Equal("no_update", (await UpdateFleet.CheckAsync(x86, release: both.Id.ToString())).Status);
    }

    [Fact]
    public async Task Release_EmptyCohort_IsAccepted_AndADeviceAddedLaterIsNeverOfferedIt()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        var start = await fleet.ReleaseAsync("r0", await BundleAsync(fleet, Portable));
        await fleet.ReleaseAsync("r1", await BundleAsync(fleet, "t25"));
        using var device = await DeviceAsync(fleet, "gw-1", "x86_64");
        using var unknown = await fleet.DeviceAsync("gw-2");

        var answer = await UpdateFleet.CheckAsync(device, release: start.Id.ToString());

        Assert.Equal("no_update", answer.Status);
        Assert.Empty(answer.Manifest);
        // A device without a recorded target is not judged.
        Assert.Equal("update", (await UpdateFleet.CheckAsync(unknown, release: start.Id.ToString())).Status);
    }

    [Fact]
    public async Task Override_DevicesWithoutABinaryForTheirTarget_AreRefused_AndNeverOfferedIt()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        var client = fleet.Tenant.Owner;
        using var device = await DeviceAsync(fleet, "gw-1", "x86_64");
        using var other = await fleet.DeviceAsync("gw-2");
        var t25 = await BundleAsync(fleet, "t25");
        var pin = await client.BundleOverrides.CreateAsync(
            new CreateBundleOverrideRequest("pin", t25.Id.ToString(), TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-1)), cancellationToken: Cancel);

        var refused = await Api.ThrowsApiAsync(() => client.BundleOverrides.AddDevicesAsync(pin.Id.ToString(), new AddBundleOverrideDevicesRequest([device.Id]), Cancel));
        await client.BundleOverrides.AddDevicesAsync(pin.Id.ToString(), new AddBundleOverrideDevicesRequest([other.Id]), Cancel);
        // The device's target is recorded after it joined: the check, not the API, then keeps the bundle from it.
        await client.Devices.UpdateAsync(other.Id, new UpdateDeviceRequest(Target: "x86_64"), Cancel);
        var answer = await UpdateFleet.CheckAsync(other);
        var arm = await BundleAsync(fleet, "arm");
        var changeBundle = await Api.ThrowsApiAsync(() => client.BundleOverrides.UpdateAsync(
            pin.Id.ToString(), new UpdateBundleOverrideRequest(Bundle: arm.Id.ToString()), Cancel));

        Assert.Equal(ErrorCodes.BundleTargetMismatch, refused.Code);
        Assert.Contains("'x86_64'", refused.Problem!.Detail);
        Assert.Equal("no_update", answer.Status);
        Assert.Contains("target 'x86_64'", answer.Reason);
        Assert.Equal(ErrorCodes.BundleTargetMismatch, changeBundle.Code);
    }

    private static Task<ReleaseResponse> CreateAsync(UpdateFleet fleet, string name, BundleResponse bundle, bool allowMissingTargets) =>
        fleet.Tenant.Owner.Releases.CreateAsync(
            new CreateReleaseRequest(name, fleet.Cohort.Id.ToString(), bundle.Id.ToString(), AllowMissingTargets: allowMissingTargets), cancellationToken: Cancel);

    private static async Task<FleetDevice> DeviceAsync(UpdateFleet fleet, string identifier, string target)
    {
        var device = await fleet.DeviceAsync(identifier);
        await fleet.Tenant.Owner.Devices.UpdateAsync(device.Id, new UpdateDeviceRequest(Target: target), Cancel);
        return device;
    }

    /// <summary>A bundle of one signed binary per target.</summary>
    internal static async Task<BundleResponse> BundleAsync(UpdateFleet fleet, params string[] targets)
    {
        var client = fleet.Tenant.Owner;
        var (key, signer) = await FirmwareBuilder.SigningKeyAsync(client);
        using (signer)
        {
            var entries = new List<BundleEntryRequest>();
            foreach (var target in targets)
            {
                var content = FirmwareBuilder.Bytes(1500);
                var binary = await FirmwareBuilder.DeclareAsync(client, content, target: target);
                await FirmwareBuilder.UploadPartsAsync(client, binary.Id, content, 1024);
                await FirmwareBuilder.HashAsync(client, binary.Id);
                await client.BinarySignatures.CreateAsync(
                    new CreateBinarySignatureRequest(binary.Id.ToString(), key.Id.ToString(), FirmwareBuilder.SignDigest(signer, binary.Sha256)), cancellationToken: Cancel);
                entries.Add(new BundleEntryRequest(binary.Id.ToString()));
            }

            return await client.Bundles.CreateAsync(new CreateBundleRequest(entries), cancellationToken: Cancel);
        }
    }

    public sealed class OnSqlite(SqliteServer fixture) : BundleTargetTests(fixture);

    public sealed class OnPostgres(PostgresServer fixture) : BundleTargetTests(fixture);
}
