using System.Net;
using System.Net.Http.Headers;
using Hangar.Client;
using Hangar.Contracts.Common;
using Hangar.Contracts.Devices;
using Hangar.Server.Features.Firmware;
using Hangar.Server.Tests.Fixtures;
using Hangar.Testing.Pki;
using Microsoft.Extensions.DependencyInjection;

namespace Hangar.Server.Tests.Firmware;

public abstract class DownloadTests(ServerFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Content_RangeAndIfRange_AnswerPartialFullOrUnsatisfiable()
    {
        var tenant = await fixture.NewTenantAsync();
        var content = FirmwareBuilder.Bytes(5000);
        var binary = await FirmwareBuilder.SignedAsync(tenant.Owner, content);
        using var http = tenant.OwnerHttp;
        var path = BinariesClient.ContentPath(binary.Id.ToString());

        using var full = await http.GetAsync(path, Cancel);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Equal($"\"{binary.Sha256}\"", full.Headers.ETag!.Tag);
        Assert.False(full.Headers.ETag.IsWeak);
        Assert.Equal(content, await full.Content.ReadAsByteArrayAsync(Cancel));

        using var partial = await SendAsync(http, path, new RangeHeaderValue(100, 199), null);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(content[100..200], await partial.Content.ReadAsByteArrayAsync(Cancel));

        using var sameContent = await SendAsync(http, path, new RangeHeaderValue(4000, null), $"\"{binary.Sha256}\"");
        Assert.Equal(HttpStatusCode.PartialContent, sameContent.StatusCode);
        Assert.Equal(content[4000..], await sameContent.Content.ReadAsByteArrayAsync(Cancel));

        using var otherContent = await SendAsync(http, path, new RangeHeaderValue(4000, null), $"\"{new string('0', 64)}\"");
        Assert.Equal(HttpStatusCode.OK, otherContent.StatusCode);
        Assert.Equal(content, await otherContent.Content.ReadAsByteArrayAsync(Cancel));

        using var beyond = await SendAsync(http, path, new RangeHeaderValue(9000, 9100), null);
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, beyond.StatusCode);
    }

    [Fact]
    public async Task SignedUrl_BrokenConnectionThenRangeResume_YieldsTheWholeBinaryWithoutAnApiKey()
    {
        var client = (await fixture.NewTenantAsync()).Owner;
        var content = FirmwareBuilder.Bytes(3 * 1024 * 1024);
        // Twelve parts of 256 KiB, so both reads still cross part boundaries (1 KiB parts: 3,072 upload requests).
        var binary = await FirmwareBuilder.SignableAsync(client, content, partSize: 256 * 1024);
        var url = await client.Binaries.GetDownloadUrlAsync(binary.Id.ToString(), Cancel);
        using var anonymous = fixture.Server.CreateHttpClient(null);

        var received = new MemoryStream();
        using (var first = await anonymous.GetAsync(url.Url, HttpCompletionOption.ResponseHeadersRead, Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            await using var body = await first.Content.ReadAsStreamAsync(Cancel);
            var buffer = new byte[64 * 1024];
            while (received.Length < 1_000_000)
            {
                received.Write(buffer, 0, await body.ReadAsync(buffer, Cancel));
            }
        }

        using var resume = await SendAsync(anonymous, url.Url, new RangeHeaderValue(received.Length, null), $"\"{binary.Sha256}\"");
        Assert.Equal(HttpStatusCode.PartialContent, resume.StatusCode);
        await (await resume.Content.ReadAsStreamAsync(Cancel)).CopyToAsync(received, Cancel);
        Assert.Equal(binary.Sha256, FirmwareBuilder.Sha(received.ToArray()));
    }

    [Fact]
    public async Task SignedUrl_Expired_Is401_Tampered_Is403()
    {
        var client = (await fixture.NewTenantAsync()).Owner;
        var binary = await FirmwareBuilder.SignableAsync(client, FirmwareBuilder.Bytes(1100));
        var signer = fixture.Server.Services.GetRequiredService<DownloadUrlSigner>();
        using var anonymous = fixture.Server.CreateHttpClient(null);

        var expired = signer.Sign(binary.Id, DateTimeOffset.FromUnixTimeSeconds(1_000_000_000));
        using var expiredResponse = await anonymous.GetAsync($"api/v1/binary_downloads/{expired}", Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, expiredResponse.StatusCode);
        Assert.Equal(ErrorCodes.DownloadUrlExpired, (await expiredResponse.ProblemAsync()).Code);

        var url = (await client.Binaries.GetDownloadUrlAsync(binary.Id.ToString(), Cancel)).Url;
        var token = url[(url.LastIndexOf('/') + 1)..];
        var tampered = token[..10] + (token[10] == 'A' ? 'B' : 'A') + token[11..];
        using var tamperedResponse = await anonymous.GetAsync($"api/v1/binary_downloads/{tampered}", Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, tamperedResponse.StatusCode);
        Assert.Equal(ErrorCodes.DownloadUrlInvalid, (await tamperedResponse.ProblemAsync()).Code);
    }

    [Fact]
    public async Task SignedUrl_OnTheDeviceListener_ServesTheBinary_AndTheAdminListenerRefusesTheDevicePath()
    {
        var tenant = await fixture.NewTenantAsync();
        var client = tenant.Owner;
        var content = FirmwareBuilder.Bytes(1100);
        var binary = await FirmwareBuilder.SignableAsync(client, content);
        var url = await client.Binaries.GetDownloadUrlAsync(binary.Id.ToString(), Cancel);
        // The device listener requires mutual TLS: the download comes from a registered device, as an agent's would.
        var product = await client.Products.CreateAsync(new CreateProductRequest("downloads"), cancellationToken: Cancel);
        var identifier = $"dl-{Guid.CreateVersion7():N}";
        var registered = await client.Devices.CreateAsync(new CreateDeviceRequest(identifier, product.Id.ToString()), cancellationToken: Cancel);
        var leaf = TestPki.Leaf(TestPki.Root(), identifier);
        await client.DeviceCertificates.CreateAsync(new CreateDeviceCertificateRequest(registered.Id.ToString(), TestPki.Pem(leaf)), cancellationToken: Cancel);
        using var device = DeviceHttp.Create(fixture.Server, leaf);

        Assert.Equal(content, await device.GetByteArrayAsync(url.DevicePath.TrimStart('/'), Cancel));
        using var anonymous = fixture.Server.CreateHttpClient(null);
        using var wrongListener = await anonymous.GetAsync(url.DevicePath.TrimStart('/'), Cancel);
        Assert.Equal(HttpStatusCode.NotFound, wrongListener.StatusCode);
    }

    [Fact]
    public async Task Content_OfABinaryStillUploading_IsInvalidState()
    {
        var tenant = await fixture.NewTenantAsync();
        var binary = await FirmwareBuilder.DeclareAsync(tenant.Owner, FirmwareBuilder.Bytes(10));

        using var response = await tenant.OwnerHttp.GetAsync(BinariesClient.ContentPath(binary.Id.ToString()), Cancel);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(ErrorCodes.InvalidState, (await response.ProblemAsync()).Code);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, string path, RangeHeaderValue range, string? ifRange)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Range = range;
        if (ifRange is not null)
        {
            request.Headers.IfRange = new RangeConditionHeaderValue(new EntityTagHeaderValue(ifRange));
        }

        return await http.SendAsync(request, Cancel);
    }

    public sealed class OnSqlite(SqliteServer fixture) : DownloadTests(fixture);

    public sealed class OnPostgres(PostgresServer fixture) : DownloadTests(fixture);
}
