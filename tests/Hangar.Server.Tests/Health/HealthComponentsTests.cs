using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Hangar.Contracts.Common;
using Hangar.Server.Tests.Firmware;
using Hangar.Server.Tests.Fixtures;
using Hangar.Server.Tests.Telemetry;
using Hangar.Testing;

namespace Hangar.Server.Tests.Health;

/// <summary>
/// <c>/healthz</c> lists every component with its status; a blob store that cannot write (its temporary directory
/// replaced by a file, so every part fails) answers 500 to the upload, is counted as a failure by operation, and
/// leaves the node degraded (200: it still serves) with the reason.
/// </summary>
public abstract class HealthComponentsTests(DatabaseKind database)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Healthy_ListsEveryComponentHealthy()
    {
        await using var server = await StartAsync();

        var (status, root) = await HealthAsync(server);

        Assert.Equal((HttpStatusCode.OK, "ok"), (status, root.GetProperty("status").GetString()));
        Assert.Equal(["database", "blob_store", "tls_certificate", "webhooks", "telemetry_queue"],
            root.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.All(root.GetProperty("components").EnumerateArray(), c => Assert.Equal("healthy", c.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task BlobStoreThatCannotWrite_FailsTheUpload_IsCounted_AndDegradesHealth()
    {
        await using var server = await StartAsync();
        var owner = server.CreateClient(server.Bootstrap!.ApiKey);
        var content = FirmwareBuilder.Bytes(4096);
        var binary = await FirmwareBuilder.DeclareAsync(owner, content);
        var temporary = Path.Combine(server.DataDirectory, "blobs", "tmp");
        Directory.Delete(temporary, recursive: true);
        await File.WriteAllTextAsync(temporary, "not a directory", Cancel);

        using (var http = server.CreateHttpClient(server.Bootstrap.ApiKey))
        using (var request = new HttpRequestMessage(HttpMethod.Put, $"api/v1/binaries/{binary.Id}/parts/1") { Content = new ByteArrayContent(content) })
        {
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            request.Headers.Add(HangarHeaders.PartSha256, FirmwareBuilder.Sha(content));
            using var failed = await http.SendAsync(request, Cancel);
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        }

        var (status, root) = await HealthAsync(server);
        Assert.Equal((HttpStatusCode.OK, "degraded"), (status, root.GetProperty("status").GetString()));
        var blobStore = root.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "blob_store");
        Assert.Equal("degraded", blobStore.GetProperty("status").GetString());
        Assert.Contains("put_part", blobStore.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, (await Exposition.ScrapeAsync(server, Cancel)).Value("hangar_blob_store_failures_total", "operation=\"put_part\""));
    }

    private Task<HangarTestServer> StartAsync() =>
        HangarTestServer.StartAsync(database, new Dictionary<string, string?>
        {
            ["Observability:ScrapeToken"] = MetricsServer.ScrapeToken,
            ["Firmware:MinPartBytes"] = "1024",
        }, Cancel);

    private static async Task<(HttpStatusCode Status, JsonElement Root)> HealthAsync(HangarTestServer server)
    {
        using var http = server.CreateHttpClient(null);
        using var response = await http.GetAsync("healthz", Cancel);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.Clone());
    }

    public sealed class OnSqlite() : HealthComponentsTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : HealthComponentsTests(DatabaseKind.Postgres);
}
