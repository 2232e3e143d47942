using System.Net;
using Hangar.Contracts.Common;
using Hangar.Server.Features.Firmware;
using Hangar.Server.Tests.Fixtures;
using Hangar.Storage;
using Hangar.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hangar.Server.Tests.Firmware;

/// <summary>
/// With a store that issues presigned URLs (an object store), operators' answers carry them, and a signed download
/// checked by the server is redirected to one instead of streamed.
/// </summary>
public abstract class PresignedDownloadTests(DatabaseKind database) : IAsyncLifetime
{
    private FirmwareNode? _node;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private FirmwareNode Node => _node!;

    public async ValueTask InitializeAsync() => _node = await FirmwareNode.StartAsync(database, services: services =>
        services.AddSingleton<IBlobStore>(sp => new PresigningBlobStore(sp.GetRequiredService<FileSystemBlobStore>())));

    public async ValueTask DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task DownloadUrl_FromAStoreThatPresigns_IsThePresignedUrlValidUntilTheAnswersExpiry()
    {
        var binary = await FirmwareBuilder.SignableAsync(Node.Owner, FirmwareBuilder.Bytes(1000));

        var url = await Node.Owner.Binaries.GetDownloadUrlAsync(binary.Id.ToString(), Cancel);

        var validity = new DateTimeOffset(url.ExpiresAt, TimeSpan.Zero) - Node.Time.GetUtcNow();
        Assert.Equal(PresigningBlobStore.UrlOf(binary.Sha256, validity), url.Url);
        Assert.StartsWith("/device/v1/binary_downloads/", url.DevicePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedUrl_FromAStoreThatPresigns_RedirectsToAShortLivedPresignedUrl_OnlyAfterTheTokenChecks()
    {
        var binary = await FirmwareBuilder.SignableAsync(Node.Owner, FirmwareBuilder.Bytes(1000));
        var devicePath = (await Node.Owner.Binaries.GetDownloadUrlAsync(binary.Id.ToString(), Cancel)).DevicePath;
        var token = devicePath[(devicePath.LastIndexOf('/') + 1)..];
        using var anonymous = Node.Server.CreateHttpClient(null, new HttpClientHandler { AllowAutoRedirect = false });

        using var redirected = await anonymous.GetAsync($"api/v1/binary_downloads/{token}", Cancel);
        using var tampered = await anonymous.GetAsync($"api/v1/binary_downloads/{token[..10]}{(token[10] == 'A' ? 'B' : 'A')}{token[11..]}", Cancel);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirected.StatusCode);
        Assert.Equal(PresigningBlobStore.UrlOf(binary.Sha256, DownloadUrls.FetchValidity), redirected.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
        Assert.Equal(ErrorCodes.DownloadUrlInvalid, (await tampered.ProblemAsync()).Code);
    }

    public sealed class OnSqlite() : PresignedDownloadTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : PresignedDownloadTests(DatabaseKind.Postgres);
}
