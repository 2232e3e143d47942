using System.Net;
using System.Security.Cryptography.X509Certificates;
using Hangar.Contracts.Access;
using Hangar.Contracts.Common;
using Hangar.Contracts.Devices;
using Hangar.Contracts.Organizations;
using Hangar.Server.Tests.Firmware;
using Hangar.Server.Tests.Fixtures;
using Hangar.Testing;
using Hangar.Testing.Pki;

namespace Hangar.Server.Tests.Hosting;

/// <summary>Runs its own server with tiny limits, so exhausting them cannot disturb other tests.</summary>
public abstract class RateLimitTests(DatabaseKind database)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PerKeyLimit_Answers429WithRetryAfter_AndOtherKeysCarryOn()
    {
        await using var server = await HangarTestServer.StartAsync(database, new Dictionary<string, string?>
        {
            ["RateLimits:PerApiKeyPerMinute"] = "5",
            ["RateLimits:PerAddressPerMinute"] = "1000",
        }, Cancel);
        var created = await server.CreateClient(server.Bootstrap!.ApiKey).Organizations.CreateAsync(new CreateOrganizationRequest("limited", CreateApiKey: true), cancellationToken: Cancel);
        using var limited = server.CreateHttpClient(created.ApiKey!.Secret);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? rejected = null;
        for (var i = 0; i < 7; i++)
        {
            var response = await limited.GetAsync("api/v1/users/me", Cancel);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                rejected ??= response;
            }
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 5), statuses.Take(5));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[5]);
        Assert.NotNull(rejected);
        Assert.True(rejected.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(ErrorCodes.RateLimited, (await rejected.ProblemAsync()).Code);

        // The bootstrap key has its own budget.
        using var other = server.CreateHttpClient(server.Bootstrap.ApiKey);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("api/v1/users/me", Cancel)).StatusCode);
    }

    [Fact]
    public async Task OneTenantsFlood_FromAnAddress_LeavesOtherTenantsThere_AndOnlyUnauthenticatedCallsCountPerAddress()
    {
        await using var server = await HangarTestServer.StartAsync(database, new Dictionary<string, string?>
        {
            ["RateLimits:PerAddressPerMinute"] = "3",
            ["RateLimits:PerApiKeyPerMinute"] = "8",
        }, Cancel);
        var bootstrap = server.CreateClient(server.Bootstrap!.ApiKey);
        var a = await bootstrap.Organizations.CreateAsync(new CreateOrganizationRequest("tenant a", CreateApiKey: true), cancellationToken: Cancel);
        var b = await bootstrap.Organizations.CreateAsync(new CreateOrganizationRequest("tenant b", CreateApiKey: true), cancellationToken: Cancel);
        using var tenantA = server.CreateHttpClient(a.ApiKey!.Secret);
        using var tenantB = server.CreateHttpClient(b.ApiKey!.Secret);
        using var anonymous = server.CreateHttpClient(null);
        using var bogus = server.CreateHttpClient("hgr_notakey");

        var flood = new List<HttpStatusCode>();
        for (var i = 0; i < 9; i++)
        {
            flood.Add((await tenantA.GetAsync("api/v1/users/me", Cancel)).StatusCode);
        }

        var unauthenticated = new List<HttpStatusCode>();
        for (var i = 0; i < 2; i++)
        {
            unauthenticated.Add((await anonymous.GetAsync("api/v1/users/me", Cancel)).StatusCode);
            unauthenticated.Add((await bogus.GetAsync("api/v1/users/me", Cancel)).StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 8), HttpStatusCode.TooManyRequests], flood);
        Assert.Equal(HttpStatusCode.OK, (await tenantB.GetAsync("api/v1/users/me", Cancel)).StatusCode);
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], unauthenticated);
        Assert.Equal(HttpStatusCode.OK, (await tenantB.GetAsync("api/v1/users/me", Cancel)).StatusCode);
    }

    [Fact]
    public async Task PerOrganizationLimit_CoversAllItsKeys_AndNotOtherOrganizations()
    {
        await using var server = await HangarTestServer.StartAsync(database, new Dictionary<string, string?>
        {
            ["RateLimits:PerOrganizationPerMinute"] = "5",
        }, Cancel);
        var created = await server.CreateClient(server.Bootstrap!.ApiKey).Organizations.CreateAsync(new CreateOrganizationRequest("limited", CreateApiKey: true), cancellationToken: Cancel);
        using var owner = server.CreateHttpClient(created.ApiKey!.Secret);
        // The key's creation is the organization's first request.
        var second = await server.CreateClient(created.ApiKey.Secret).ApiKeys.CreateAsync(new CreateApiKeyRequest("second", "viewer"), cancellationToken: Cancel);
        using var viewer = server.CreateHttpClient(second.Secret);

        HttpStatusCode[] statuses =
        [
            (await owner.GetAsync("api/v1/users/me", Cancel)).StatusCode,
            (await owner.GetAsync("api/v1/users/me", Cancel)).StatusCode,
            (await viewer.GetAsync("api/v1/users/me", Cancel)).StatusCode,
            (await viewer.GetAsync("api/v1/users/me", Cancel)).StatusCode,
            (await viewer.GetAsync("api/v1/users/me", Cancel)).StatusCode,
        ];

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await server.CreateHttpClient(server.Bootstrap.ApiKey).GetAsync("api/v1/users/me", Cancel)).StatusCode);
    }

    [Fact]
    public async Task PerDeviceLimit_Answers429WithRetryAfter_OtherDevicesAndDownloadsHaveTheirOwnBuckets()
    {
        await using var server = await HangarTestServer.StartAsync(database, new Dictionary<string, string?>
        {
            ["RateLimits:PerDevicePerMinute"] = "1",
            ["RateLimits:PerDeviceBurst"] = "3",
            ["RateLimits:PerDeviceDownloadsPerMinute"] = "1",
            ["RateLimits:PerDeviceDownloadsBurst"] = "2",
            ["Firmware:MinPartBytes"] = "1024",
        }, Cancel);
        var created = await server.CreateClient(server.Bootstrap!.ApiKey).Organizations.CreateAsync(new CreateOrganizationRequest("fleet", CreateApiKey: true), cancellationToken: Cancel);
        var owner = server.CreateClient(created.ApiKey!.Secret);
        var product = await owner.Products.CreateAsync(new CreateProductRequest("p"), cancellationToken: Cancel);
        var ca = TestPki.Root();
        var leaves = new List<X509Certificate2>();
        foreach (var identifier in new[] { "busy-1", "quiet-1" })
        {
            var device = await owner.Devices.CreateAsync(new CreateDeviceRequest(identifier, product.Id.ToString()), cancellationToken: Cancel);
            leaves.Add(TestPki.Leaf(ca, identifier));
            await owner.DeviceCertificates.CreateAsync(new CreateDeviceCertificateRequest(device.Id.ToString(), TestPki.Pem(leaves[^1])), cancellationToken: Cancel);
        }

        var binary = await FirmwareBuilder.SignableAsync(owner, FirmwareBuilder.Bytes(1100));
        var download = (await owner.Binaries.GetDownloadUrlAsync(binary.Id.ToString(), Cancel)).DevicePath.TrimStart('/');
        using var busy = DeviceHttp.Create(server, leaves[0]);
        using var quiet = DeviceHttp.Create(server, leaves[1]);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await busy.GetAsync("device/v1/me", Cancel);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
                Assert.Equal(ErrorCodes.RateLimited, (await response.ProblemAsync()).Code);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await quiet.GetAsync("device/v1/me", Cancel)).StatusCode);

        // Downloads draw on their own bucket: the busy device still resumes its download, until that bucket is empty too.
        var downloads = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await busy.GetAsync(download, Cancel);
            downloads.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], downloads);
        Assert.Equal(HttpStatusCode.OK, (await quiet.GetAsync(download, Cancel)).StatusCode);
    }

    [Fact]
    public async Task SignInAttempts_AreLimitedPerAddress()
    {
        await using var server = await HangarTestServer.StartAsync(database, new Dictionary<string, string?> { ["RateLimits:SignInPerAddressPerMinute"] = "3" }, Cancel);
        using var http = server.CreateHttpClient(null);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await http.PostAsync("api/v1/session", Api.Json("""{"email":"nobody@example.com","password":"guessing"}"""), Cancel);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task RefusedKeys_PastTheAddressAllowance_Get429_AndNoKeyFromThereIsLookedUp_UntilTheMinuteEnds()
    {
        await using var server = await HangarTestServer.StartAsync(database, new Dictionary<string, string?>
        {
            ["RateLimits:RefusedCredentialsPerAddressPerMinute"] = "3",
            ["RateLimits:PerAddressPerMinute"] = "1000",
        }, Cancel);
        using var valid = server.CreateHttpClient(server.Bootstrap!.ApiKey);
        using var guessing = server.CreateHttpClient("hgr_0123456789abcdef_notthesecret");
        using var anonymous = server.CreateHttpClient(null);
        Assert.Equal(HttpStatusCode.OK, (await valid.GetAsync("api/v1/users/me", Cancel)).StatusCode);

        var guesses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            guesses.Add((await guessing.GetAsync("api/v1/users/me", Cancel)).StatusCode);
        }

        using var throttled = await guessing.GetAsync("api/v1/users/me", Cancel);
        using var validFromThere = await valid.GetAsync("api/v1/users/me", Cancel);
        using var withoutKey = await anonymous.GetAsync("healthz", Cancel);

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 3), guesses);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.True(throttled.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(ErrorCodes.RateLimited, (await throttled.ProblemAsync()).Code);
        // Refused as the guesses are, without the lookup that would have found it valid.
        Assert.Equal(HttpStatusCode.TooManyRequests, validFromThere.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withoutKey.StatusCode);
    }

    public sealed class OnSqlite() : RateLimitTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : RateLimitTests(DatabaseKind.Postgres);
}
