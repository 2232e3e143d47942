using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Hangar.Server.Tests.Fixtures;
using Hangar.Server.Tests.Updates;

namespace Hangar.Server.Tests.Ddi;

/// <summary>
/// A deployment over the DDI token listener in the shape of hawkBit's documented <c>DdiDeploymentBase</c> example, and
/// its artifact served by hawkBit's <c>softwaremodules</c> route with the token: Range, the <c>.MD5SUM</c> file, and
/// 404 for an action or module the device does not have.
/// </summary>
public abstract class DdiDeploymentTests(DdiServer fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Deployment_HasHawkBitsShape_AndItsArtifactDownloadsWithTheToken()
    {
        var fleet = await UpdateFleet.CreateAsync(fixture);
        var bundle = await fleet.BundleAsync(size: 3000);
        await fleet.ReleaseAsync("r1", bundle, required: true, version: "1.0.0");
        using var device = await fleet.DeviceAsync("ddi-dep-1");
        var token = (await fleet.Tenant.Owner.Ddi.CreateTargetTokenAsync(device.Id, Cancel)).Token;
        using var http = new HttpClient(new SocketsHttpHandler(), disposeHandler: true) { BaseAddress = fixture.DdiBaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("TargetToken", token);

        var poll = await JsonAsync(http, $"{fleet.Tenant.OrganizationId}/controller/v1/ddi-dep-1");
        var deploymentHref = poll.GetProperty("_links").GetProperty("deploymentBase").GetProperty("href").GetString()!;
        Assert.Matches(@"/controller/v1/ddi-dep-1/deploymentBase/\d+\?c=[0-9a-f]+$", deploymentHref);
        var deployment = await JsonAsync(http, deploymentHref);

        // hawkBit's example: {"id": "8", "deployment": {"download": "forced", "update": "forced", "chunks": [{"part", "version",
        // "name", "artifacts": [{"filename", "size", "hashes": {"sha1", "md5", "sha256"}, "_links": {"download-http", "md5sum-http"}}]}]}}
        Assert.Equal(JsonValueKind.String, deployment.GetProperty("id").ValueKind);
        Assert.EndsWith("/deploymentBase/" + deployment.GetProperty("id").GetString(), deploymentHref[..deploymentHref.IndexOf('?', StringComparison.Ordinal)], StringComparison.Ordinal);
        var body = deployment.GetProperty("deployment");
        Assert.Equal(("forced", "forced"), (body.GetProperty("download").GetString(), body.GetProperty("update").GetString()));
        Assert.False(body.TryGetProperty("maintenanceWindow", out _));
        var chunk = Assert.Single(body.GetProperty("chunks").EnumerateArray());
        Assert.Equal(new[] { "part", "version", "name", "artifacts" }, chunk.EnumerateObject().Select(p => p.Name));
        var artifact = Assert.Single(chunk.GetProperty("artifacts").EnumerateArray());
        Assert.Equal(new[] { "filename", "size", "hashes", "_links" }, artifact.EnumerateObject().Select(p => p.Name));
        Assert.Equal(3000, artifact.GetProperty("size").GetInt64());
        var hashes = artifact.GetProperty("hashes");
        var links = artifact.GetProperty("_links");
        Assert.Equal(new[] { "download-http", "md5sum-http" }, links.EnumerateObject().Select(p => p.Name));
        var download = links.GetProperty("download-http").GetProperty("href").GetString()!;
        Assert.Matches(@"/controller/v1/ddi-dep-1/softwaremodules/\d+/artifacts/[^/]+$", download);

        var content = await http.GetByteArrayAsync(download, Cancel);
        Assert.Equal(hashes.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(content)));
        Assert.Equal(hashes.GetProperty("sha1").GetString(), Hash(HashAlgorithmName.SHA1, content));
        Assert.Equal(hashes.GetProperty("md5").GetString(), Hash(HashAlgorithmName.MD5, content));
        using var range = new HttpRequestMessage(HttpMethod.Get, download) { Headers = { Range = new RangeHeaderValue(2500, null) } };
        using var partial = await http.SendAsync(range, Cancel);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(content[2500..], await partial.Content.ReadAsByteArrayAsync(Cancel));
        var md5sum = await http.GetStringAsync(links.GetProperty("md5sum-http").GetProperty("href").GetString(), Cancel);
        Assert.Equal($"{hashes.GetProperty("md5").GetString()}  {artifact.GetProperty("filename").GetString()}\n", md5sum);

        var controller = $"{fleet.Tenant.OrganizationId}/controller/v1/ddi-dep-1";
        using var unknownAction = await http.GetAsync($"{controller}/deploymentBase/12345", Cancel);
        using var unknownModule = await http.GetAsync($"{controller}/softwaremodules/12345/artifacts/x.swu", Cancel);
        using var unknownFeedback = await http.PostAsync($"{controller}/deploymentBase/12345/feedback",
            Api.Json("""{"status":{"execution":"proceeding","result":{"finished":"none"}}}"""), Cancel);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (unknownAction.StatusCode, unknownModule.StatusCode, unknownFeedback.StatusCode));
    }

    private static string Hash(HashAlgorithmName algorithm, byte[] content)
    {
        using var hash = IncrementalHash.CreateHash(algorithm);
        hash.AppendData(content);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static async Task<JsonElement> JsonAsync(HttpClient http, string url)
    {
        using var response = await http.GetAsync(url, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    public sealed class OnSqlite(DdiSqliteServer fixture) : DdiDeploymentTests(fixture), IClassFixture<DdiSqliteServer>;

    public sealed class OnPostgres(DdiPostgresServer fixture) : DdiDeploymentTests(fixture), IClassFixture<DdiPostgresServer>;
}
