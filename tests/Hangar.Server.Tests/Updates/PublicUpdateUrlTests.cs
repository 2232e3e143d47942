using Hangar.Server.Tests.Fixtures;

namespace Hangar.Server.Tests.Updates;

/// <summary>Behind a load balancer, the download URLs handed to devices point at the configured public device address.</summary>
public abstract class PublicUpdateUrlTests(PublicUrlServer fixture)
{
    [Fact]
    public async Task Check_WithAPublicDeviceUrl_HandsOutURLsOnIt()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        var first = await fleet.ReleaseAsync("r1", await fleet.BundleAsync());
        await fleet.ReleaseAsync("r2", await fleet.BundleAsync());
        using var device = await fleet.DeviceAsync("gw-1");

        var entry = Assert.Single((await UpdateFleet.CheckAsync(device, release: first.Id.ToString())).Manifest);

        Assert.Equal(PublicUrlServer.PublicDeviceUrl + entry.DevicePath, entry.Url);
        Assert.Equal(entry.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            await device.Http.GetByteArrayAsync(entry.DevicePath.TrimStart('/'), TestContext.Current.CancellationToken))));
    }

    public sealed class OnSqlite(PublicUrlSqliteServer fixture) : PublicUpdateUrlTests(fixture), IClassFixture<PublicUrlSqliteServer>;

    public sealed class OnPostgres(PublicUrlPostgresServer fixture) : PublicUpdateUrlTests(fixture), IClassFixture<PublicUrlPostgresServer>;
}
