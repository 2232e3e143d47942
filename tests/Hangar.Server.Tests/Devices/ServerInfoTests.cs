using System.Net;
using Hangar.Contracts.Common;
using Hangar.Server.Tests.Fixtures;
using Hangar.Testing;

namespace Hangar.Server.Tests.Devices;

/// <summary><c>GET /api/v1/server</c>: the device address the server advertises to provisioning tools.</summary>
public abstract class ServerInfoTests(ServerFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ServerInfo_ListenerOnAnAddress_AdvertisesThatAddressAndItsBoundPort()
    {
        var info = await fixture.Server.CreateClient(fixture.Server.Bootstrap!.ApiKey).CaCertificates.ServerInfoAsync(Cancel);

        Assert.Equal(fixture.Server.DeviceBaseAddress.ToString().TrimEnd('/'), info.DeviceUrl);
        Assert.False(info.DeviceUrlConfigured);
    }

    [Fact]
    public async Task ServerInfo_WildcardListener_IsNamedByTheHostName()
    {
        await using var server = await HangarTestServer.StartAsync(fixture.Database, new Dictionary<string, string?> { ["Server:DeviceUrl"] = "https://0.0.0.0:0" }, Cancel);

        var info = await server.CreateClient(server.Bootstrap!.ApiKey).CaCertificates.ServerInfoAsync(Cancel);

        Assert.Equal($"https://{Dns.GetHostName()}:{server.DeviceBaseAddress.Port}".ToLowerInvariant(), info.DeviceUrl.ToLowerInvariant());
        Assert.False(info.DeviceUrlConfigured);
    }

    [Fact]
    public async Task ServerInfo_PublicDeviceUrlConfigured_AdvertisesIt()
    {
        await using var server = await HangarTestServer.StartAsync(fixture.Database,
            new Dictionary<string, string?> { ["Firmware:PublicDeviceUrl"] = "https://devices.example.com/" }, Cancel);

        var info = await server.CreateClient(server.Bootstrap!.ApiKey).CaCertificates.ServerInfoAsync(Cancel);

        Assert.Equal("https://devices.example.com", info.DeviceUrl);
        Assert.True(info.DeviceUrlConfigured);
    }

    [Fact]
    public async Task ServerInfo_Anonymous_IsRefused()
    {
        var refused = await Api.ThrowsApiAsync(() => fixture.Server.CreateClient(null).CaCertificates.ServerInfoAsync(Cancel));

        Assert.Equal(ErrorCodes.Unauthenticated, refused.Code);
    }

    public sealed class OnSqlite(SqliteServer fixture) : ServerInfoTests(fixture);

    public sealed class OnPostgres(PostgresServer fixture) : ServerInfoTests(fixture);
}
