using Hangar.Testing;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Tests.Firmware;

/// <summary>Behind a load balancer the server's own host name is not what clients reach: configured public addresses win.</summary>
public abstract class PublicDownloadUrlTests(DatabaseKind database)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DownloadUrl_WithPublicAddressesConfigured_PointsAtThemAndStillDownloads()
    {
        await using var server = await HangarTestServer.StartAsync(database, new Dictionary<string, string?>
        {
            ["Firmware:PublicAdminUrl"] = "https://hangar.example.com/fleet/",
            ["Firmware:PublicDeviceUrl"] = "https://devices.example.com:8443",
        }, Cancel);
        var client = server.CreateClient(server.Bootstrap!.ApiKey);
        var content = FirmwareBuilder.Bytes(1000);
        var binary = await FirmwareBuilder.SignableAsync(client, content);

        var url = await client.Binaries.GetDownloadUrlAsync(binary.Id.ToString(), Cancel);

        var token = url.DevicePath[(url.DevicePath.LastIndexOf('/') + 1)..];
        Assert.Equal($"https://hangar.example.com/fleet/api/v1/binary_downloads/{token}", url.Url);
        Assert.Equal($"https://devices.example.com:8443/device/v1/binary_downloads/{token}", url.DeviceUrl);
        // What the load balancer forwards: the same path on the admin listener.
        using var anonymous = server.CreateHttpClient(null);
        Assert.Equal(content, await anonymous.GetByteArrayAsync(new Uri(url.Url).AbsolutePath["/fleet/".Length..], Cancel));
    }

    [Fact]
    public async Task DownloadUrl_WithoutPublicAddresses_UsesTheRequestHostAndNoDeviceUrl()
    {
        await using var server = await HangarTestServer.StartAsync(database, cancellationToken: Cancel);
        var client = server.CreateClient(server.Bootstrap!.ApiKey);
        var binary = await FirmwareBuilder.SignableAsync(client, FirmwareBuilder.Bytes(1000));

        var url = await client.Binaries.GetDownloadUrlAsync(binary.Id.ToString(), Cancel);

        Assert.StartsWith(new Uri(server.AdminBaseAddress, "api/v1/binary_downloads/").ToString(), url.Url, StringComparison.Ordinal);
        Assert.Null(url.DeviceUrl);
    }

    [Theory]
    [InlineData("Firmware:PublicDeviceUrl", "http://devices.example.com", "Firmware:PublicDeviceUrl must be https")]
    [InlineData("Firmware:PublicAdminUrl", "hangar.example.com", "Firmware:PublicAdminUrl must be an absolute http or https URL")]
    [InlineData("Firmware:PublicAdminUrl", "https://hangar.example.com/?x=1", "Firmware:PublicAdminUrl must not carry a query")]
    public async Task Start_WithAnUnusablePublicAddress_FailsWithAReadableMessage(string key, string value, string message)
    {
        var directory = Directory.CreateTempSubdirectory("hangar-public-url-").FullName;
        try
        {
            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => HangarTestServer.StartAsync(database, new Dictionary<string, string?>
            {
                ["Server:DataDirectory"] = directory,
                [key] = value,
            }, Cancel));

            Assert.Contains(message, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    public sealed class OnSqlite() : PublicDownloadUrlTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : PublicDownloadUrlTests(DatabaseKind.Postgres);
}
