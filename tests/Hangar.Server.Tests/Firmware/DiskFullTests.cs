using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Hangar.Contracts.Common;
using Hangar.Server.Tests.Fixtures;
using Hangar.Testing;

namespace Hangar.Server.Tests.Firmware;

/// <summary>
/// The blob store on a real 2 MiB file system: a part that cannot fit is refused before a byte is written, a disk that
/// fills up during a part is 507 with the partial file removed, and health reports the store until space is back.
/// </summary>
public abstract class DiskFullTests(DatabaseKind database)
{
    private const int MiB = 1024 * 1024;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PartLargerThanTheFreeSpace_Is507BeforeWriting_AndHealthIsDegraded()
    {
        await using var disk = await TinyDisk.MountAsync(2);
        await using var server = await StartAsync(disk);
        var owner = server.CreateClient(server.Bootstrap!.ApiKey);
        var content = FirmwareBuilder.Bytes(3 * MiB);
        var binary = await FirmwareBuilder.DeclareAsync(owner, content);

        using var response = await PutPartAsync(server, binary.Id, new ByteArrayContent(content), FirmwareBuilder.Sha(content));

        Assert.Equal(HttpStatusCode.InsufficientStorage, response.StatusCode);
        Assert.Equal(ErrorCodes.InsufficientStorage, (await response.ProblemAsync()).Code);
        AssertNothingStaged(disk);
        Assert.Equal("insufficient_storage", (await HealthAsync(server)).BlobStore);
    }

    [Fact]
    public async Task DiskFillingUpDuringAPart_Is507_ThePartialFileIsRemoved_AndHealthRecoversWhenSpaceIsFreed()
    {
        await using var disk = await TinyDisk.MountAsync(2);
        await using var server = await StartAsync(disk);
        var owner = server.CreateClient(server.Bootstrap!.ApiKey);
        var content = FirmwareBuilder.Bytes(MiB + MiB / 2);
        var binary = await FirmwareBuilder.DeclareAsync(owner, content);
        var body = new PausedContent(content, pauseAfter: 256 * 1024);
        var filler = Path.Combine(disk.Path, "filler");

        var upload = PutPartAsync(server, binary.Id, body, FirmwareBuilder.Sha(content));
        await body.Paused.WaitAsync(Cancel);
        // Someone else takes the space while the part is on its way: the check before writing could not know.
        await File.WriteAllBytesAsync(filler, new byte[MiB], Cancel);
        body.Resume();
        using var response = await upload;

        Assert.Equal(HttpStatusCode.InsufficientStorage, response.StatusCode);
        Assert.Equal(ErrorCodes.InsufficientStorage, (await response.ProblemAsync()).Code);
        AssertNothingStaged(disk);
        var degraded = await HealthAsync(server);
        Assert.Equal(("degraded", "insufficient_storage"), (degraded.Status, degraded.BlobStore));

        File.Delete(filler);
        var healthy = await HealthAsync(server);
        Assert.Equal(("ok", "ok"), (healthy.Status, healthy.BlobStore));
    }

    private Task<HangarTestServer> StartAsync(TinyDisk disk) =>
        HangarTestServer.StartAsync(database, new Dictionary<string, string?>
        {
            ["BlobStorage:Root"] = disk.Path,
            ["BlobStorage:MinFreeBytes"] = "65536",
            ["Firmware:MinPartBytes"] = "1024",
        }, Cancel);

    private static async Task<HttpResponseMessage> PutPartAsync(HangarTestServer server, Guid binaryId, HttpContent content, string sha256)
    {
        using var http = server.CreateHttpClient(server.Bootstrap!.ApiKey);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var request = new HttpRequestMessage(HttpMethod.Put, $"api/v1/binaries/{binaryId}/parts/1") { Content = content };
        request.Headers.Add(HangarHeaders.PartSha256, sha256);
        var response = await http.SendAsync(request, Cancel);
        await response.Content.LoadIntoBufferAsync(Cancel);
        return response;
    }

    private static void AssertNothingStaged(TinyDisk disk)
    {
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(disk.Path, "tmp")));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(disk.Path, "uploads"), "*", SearchOption.AllDirectories));
    }

    private static async Task<(string Status, string BlobStore)> HealthAsync(HangarTestServer server)
    {
        using var http = server.CreateHttpClient(null);
        using var response = await http.GetAsync("healthz", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;
        return (root.GetProperty("status").GetString()!, root.GetProperty("checks").GetProperty("blob_store").GetString()!);
    }

    /// <summary>A part body that stops after some bytes until the test lets it go on.</summary>
    private sealed class PausedContent(byte[] content, int pauseAfter) : HttpContent
    {
        private readonly TaskCompletionSource _paused = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _resume = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Paused => _paused.Task;

        public void Resume() => _resume.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(content.AsMemory(0, pauseAfter));
            await stream.FlushAsync();
            _paused.TrySetResult();
            await _resume.Task;
            await stream.WriteAsync(content.AsMemory(pauseAfter));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = content.Length;
            return true;
        }
    }

    public sealed class OnSqlite() : DiskFullTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : DiskFullTests(DatabaseKind.Postgres);
}
