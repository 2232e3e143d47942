using System.Net;
using System.Net.Http.Headers;
using Hangar.Contracts.Common;
using Hangar.Server.Tests.Firmware;
using Hangar.Server.Tests.Fixtures;
using Hangar.Testing.Pki;

namespace Hangar.Server.Tests.Updates;

/// <summary>
/// Download URLs handed to a device in its update answer are bound to it: served on the device listener to that
/// device's certificate only, never to another device (of any organization) nor without a certificate.
/// </summary>
public abstract class DeviceBoundDownloadTests(ClockServer fixture)
{
    private string? _from;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DeviceUrl_FromItsOwnCertificate_DownloadsAndResumesWithRange()
    {
        var (fleet, entry) = await OfferedAsync(size: 5000);
        using var device = await fleet.DeviceAsync("bound-own");
        var url = await UrlForAsync(device);

        var whole = await device.Http.GetByteArrayAsync(url, Cancel);
        using var request = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Range = new RangeHeaderValue(4000, null) } };
        request.Headers.IfRange = new RangeConditionHeaderValue(new EntityTagHeaderValue($"\"{entry}\""));
        using var resumed = await device.Http.SendAsync(request, Cancel);

        Assert.Equal(entry, FirmwareBuilder.Sha(whole));
        Assert.Equal(HttpStatusCode.PartialContent, resumed.StatusCode);
        Assert.Equal(whole[4000..], await resumed.Content.ReadAsByteArrayAsync(Cancel));
    }

    [Fact]
    public async Task DeviceUrl_FromAnotherDevicesCertificate_IsRefusedAsTheWrongDevice()
    {
        var (fleet, _) = await OfferedAsync();
        using var owner = await fleet.DeviceAsync("bound-owner");
        using var other = await fleet.DeviceAsync("bound-other");
        var url = await UrlForAsync(owner);

        using var response = await other.Http.GetAsync(url, Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(ErrorCodes.DownloadUrlWrongDevice, (await response.ProblemAsync()).Code);
    }

    [Fact]
    public async Task DeviceUrl_WithoutACertificate_IsRefusedOnBothListeners()
    {
        var (fleet, _) = await OfferedAsync();
        using var device = await fleet.DeviceAsync("bound-nocert");
        var url = await UrlForAsync(device);
        var token = url[(url.LastIndexOf('/') + 1)..];
        using var noCertificate = DeviceHttp.Create(fixture.Server, clientCertificate: null);
        using var anonymous = fixture.Server.CreateHttpClient(null);

        using var onAdminListener = await anonymous.GetAsync($"api/v1/binary_downloads/{token}", Cancel);
        var onDeviceListener = await OutcomeAsync(noCertificate, url);

        // The device listener refuses the TLS handshake itself without a client certificate; had a TLS stack let the
        // connection through (a resumed session, say), authentication would still have to answer 401.
        Assert.True(onDeviceListener is "handshake refused" or "401", $"Without a certificate the device listener gave: {onDeviceListener}");
        Assert.Equal(HttpStatusCode.Forbidden, onAdminListener.StatusCode);
        Assert.Equal(ErrorCodes.DownloadUrlWrongDevice, (await onAdminListener.ProblemAsync()).Code);
    }

    /// <summary>What a GET came to: a status code, or how it failed (the failure named, so a surprise says what it was).</summary>
    private static async Task<string> OutcomeAsync(HttpClient client, string url)
    {
        try
        {
            using var response = await client.GetAsync(url, Cancel);
            return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (HttpRequestException)
        {
            return "handshake refused";
        }
        catch (TaskCanceledException timedOut) when (!Cancel.IsCancellationRequested)
        {
            return $"no answer: {timedOut.Message}";
        }
    }

    [Fact]
    public async Task DeviceUrl_AfterTheDevicesCertificateIsRevoked_IsRefused()
    {
        var (fleet, _) = await OfferedAsync();
        using var device = await fleet.DeviceAsync("bound-revoked");
        var url = await UrlForAsync(device);
        Assert.Equal(HttpStatusCode.OK, (await device.Http.GetAsync(url, Cancel)).StatusCode);
        var certificate = (await fleet.Tenant.Owner.DeviceCertificates.ListAsync(new Client.ListOptions(Search: $"device_id:'{device.Device.Id}'"), Cancel)).Data.Single();

        await fleet.Tenant.Owner.DeviceCertificates.RevokeAsync(certificate.Id.ToString(), Cancel);

        using var refused = await device.Http.GetAsync(url, Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task OperatorDevicePath_FromADeviceOfAnotherOrganization_IsRefused_AndServedToTheBinarysOwnFleet()
    {
        var (fleet, binary) = await OfferedBinaryAsync();
        var operatorUrl = await fleet.Tenant.Owner.Binaries.GetDownloadUrlAsync(binary.BinaryId.ToString(), Cancel);
        using var own = await fleet.DeviceAsync("operator-own");
        var stranger = await UpdateFleet.CreateAsync(fixture);
        using var foreign = await stranger.DeviceAsync("operator-foreign");

        using var served = await own.Http.GetAsync(operatorUrl.DevicePath.TrimStart('/'), Cancel);
        using var refused = await foreign.Http.GetAsync(operatorUrl.DevicePath.TrimStart('/'), Cancel);

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(ErrorCodes.DownloadUrlWrongDevice, (await refused.ProblemAsync()).Code);
    }

    [Fact]
    public async Task Answers_OfTwoDevicesOnTheSameRelease_DifferInTheirUrlsAndETags()
    {
        var (fleet, _) = await OfferedAsync();
        using var first = await fleet.DeviceAsync("bound-first");
        using var second = await fleet.DeviceAsync("bound-second");

        using var a = await UpdateFleet.SendCheckAsync(first, release: _from);
        using var b = await UpdateFleet.SendCheckAsync(second, release: _from);
        using var bWithATag = await UpdateFleet.SendCheckAsync(second, release: _from, ifNoneMatch: a.Headers.ETag!.ToString());

        Assert.NotEqual(a.Headers.ETag, b.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, bWithATag.StatusCode);
        Assert.NotEqual(await UrlForAsync(first), await UrlForAsync(second));
    }

    /// <summary>A fleet whose latest release ships one signed binary; returns the binary's SHA-256.</summary>
    private async Task<(UpdateFleet Fleet, string Sha256)> OfferedAsync(int size = 2048)
    {
        var (fleet, entry) = await OfferedBinaryAsync(size);
        return (fleet, entry.Sha256);
    }

    private async Task<(UpdateFleet Fleet, Contracts.Firmware.BundleEntryResponse Binary)> OfferedBinaryAsync(int size = 2048)
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        _from = (await fleet.ReleaseAsync("r1", await fleet.BundleAsync(), version: "1.0.0")).Id.ToString();
        var bundle = await fleet.BundleAsync(size);
        await fleet.ReleaseAsync("r2", bundle, version: "1.1.0");
        return (fleet, bundle.Binaries[0]);
    }

    /// <summary>The download URL of the device's update answer, as the device on the first release is offered the second.</summary>
    private async Task<string> UrlForAsync(FleetDevice device) =>
        Assert.Single((await UpdateFleet.CheckAsync(device, release: _from)).Manifest).Url;

    public sealed class OnSqlite(ClockSqliteServer fixture) : DeviceBoundDownloadTests(fixture), IClassFixture<ClockSqliteServer>;

    public sealed class OnPostgres(ClockPostgresServer fixture) : DeviceBoundDownloadTests(fixture), IClassFixture<ClockPostgresServer>;
}
