using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using Hangar.Client;
using Hangar.Contracts.Common;
using Hangar.Server.Hosting.Http;
using Hangar.Server.Tests.Firmware;
using Hangar.Server.Tests.Fixtures;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hangar.Server.Tests.Hosting;

/// <summary>HTTP as RFC 9110 and its neighbours say: HEAD, If-Range, challenges, no-store, error bodies and details.</summary>
public abstract class HttpConformanceTests(ServerFixture fixture)
{
    private static readonly string[] SecretPropertyNames = ["Secret", "InvitationToken", "CsrfToken", "Password"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public void EveryGetRoute_OnEitherListener_AlsoAnswersHead()
    {
        var routes = RouteCatalog.All(fixture.Server.Services);
        var gets = routes.Where(r => r.Method == "GET").ToList();
        Assert.Contains(gets, r => r.Pattern == "/healthz");
        Assert.Contains(gets, r => r.Pattern.Contains("binary_downloads", StringComparison.Ordinal));
        foreach (var get in gets)
        {
            Assert.True(routes.Any(r => r.Method == "HEAD" && r.Pattern == get.Pattern && r.Listener == get.Listener), $"{get} has no HEAD");
        }
    }

    [Fact]
    public async Task EveryAdminGetRoute_Head_AnswersTheStatusAndHeadersOfGet_WithoutABody()
    {
        var tenant = await fixture.NewTenantAsync();
        using var http = tenant.OwnerHttp;
        var gets = RouteCatalog.All(fixture.Server.Services).Where(r => r.Method == "GET" && r.Listener == Hangar.Server.Hosting.Listeners.ListenerKind.Admin).ToList();
        foreach (var route in gets)
        {
            var path = route.Path(Guid.CreateVersion7().ToString()).TrimStart('/');
            using var get = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, Cancel);
            using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, path), Cancel);
            Assert.True(get.StatusCode == head.StatusCode, $"HEAD {route.Pattern}: {(int)head.StatusCode}, GET answered {(int)get.StatusCode}");
            Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync(Cancel));
        }
    }

    [Fact]
    public async Task Download_Head_AnswersLengthAndETag_WithoutABody()
    {
        var tenant = await fixture.NewTenantAsync();
        var content = FirmwareBuilder.Bytes(5000);
        var binary = await FirmwareBuilder.SignedAsync(tenant.Owner, content);
        var url = await tenant.Owner.Binaries.GetDownloadUrlAsync(binary.Id.ToString(), Cancel);
        using var anonymous = fixture.Server.CreateHttpClient(null);

        using var head = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, url.Url), Cancel);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(5000, head.Content.Headers.ContentLength);
        Assert.Equal($"\"{binary.Sha256}\"", head.Headers.ETag!.Tag);
        Assert.Contains("bytes", head.Headers.AcceptRanges);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(Cancel));
    }

    [Theory]
    [InlineData("Sat, 05 Dec 2026 10:00:00 GMT")]
    [InlineData("W/\"weak\"")]
    public async Task Download_IfRangeThatCannotMatchTheStrongETag_AnswersTheWholeContent(string ifRange)
    {
        var tenant = await fixture.NewTenantAsync();
        var content = FirmwareBuilder.Bytes(5000);
        var binary = await FirmwareBuilder.SignedAsync(tenant.Owner, content);
        using var request = new HttpRequestMessage(HttpMethod.Get, BinariesClient.ContentPath(binary.Id.ToString()));
        request.Headers.Range = new RangeHeaderValue(4000, null);
        request.Headers.TryAddWithoutValidation("If-Range", ifRange);

        using var response = await tenant.OwnerHttp.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Content.Headers.LastModified);
        Assert.Equal(content, await response.Content.ReadAsByteArrayAsync(Cancel));
    }

    [Fact]
    public async Task Download_UnsatisfiableRange_Is416WithAProblemBody()
    {
        var tenant = await fixture.NewTenantAsync();
        var binary = await FirmwareBuilder.SignedAsync(tenant.Owner, FirmwareBuilder.Bytes(5000));
        using var request = new HttpRequestMessage(HttpMethod.Get, BinariesClient.ContentPath(binary.Id.ToString()));
        request.Headers.Range = new RangeHeaderValue(9000, 9100);

        using var response = await tenant.OwnerHttp.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("bytes */5000", response.Content.Headers.ContentRange?.ToString());
        Assert.Equal(ErrorCodes.RangeNotSatisfiable, (await response.ProblemAsync()).Code);
    }

    [Fact]
    public async Task Unauthenticated_ChallengesWithBearer_AndARefusedKeyIsAnInvalidToken()
    {
        using var anonymous = fixture.Server.CreateHttpClient(null);
        using var missing = await anonymous.GetAsync("api/v1/api_keys", Cancel);
        using var refused = await fixture.Server.CreateHttpClient("hgr_notakey").GetAsync("api/v1/api_keys", Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("Bearer realm=\"hangar\"", missing.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("Bearer realm=\"hangar\", error=\"invalid_token\"", refused.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public void EveryRouteAnsweringASecret_IsMarkedToBeSentWithNoStore()
    {
        var endpoints = fixture.Server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var carrying = endpoints.Where(e => e.Metadata.OfType<IProducesResponseTypeMetadata>()
            .Any(p => p.StatusCode is >= 200 and < 300 && p.Type is not null && CarriesSecret(p.Type, depth: 0))).ToList();
        Assert.Contains(carrying, e => e.RoutePattern.RawText?.TrimEnd('/') == "/api/v1/api_keys");
        foreach (var endpoint in carrying)
        {
            Assert.True(endpoint.Metadata.GetMetadata<CarriesSecretAttribute>() is not null, $"{endpoint.DisplayName} answers a secret but is not marked CarriesSecret()");
        }
    }

    [Fact]
    public async Task ApiKeyCreated_IsSentWithNoStore_AndAListIsNot()
    {
        var tenant = await fixture.NewTenantAsync();
        using var created = await tenant.OwnerHttp.PostAsync("api/v1/api_keys", Api.Json("""{"name":"ci","role":"viewer"}"""), Cancel);
        using var listed = await tenant.OwnerHttp.GetAsync("api/v1/api_keys", Cancel);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.True(created.Headers.CacheControl?.NoStore);
        Assert.NotEqual(true, listed.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task PartLargerThanTheLimit_Is413()
    {
        var tenant = await fixture.NewTenantAsync();
        var binary = await FirmwareBuilder.DeclareAsync(tenant.Owner, FirmwareBuilder.Bytes(3000));
        // Expect: 100-continue: the body is sent only if the server asks for it, which a refusal by the headers never does.
        using var request = new HttpRequestMessage(HttpMethod.Put, $"api/v1/binaries/{binary.Id}/parts/1") { Content = new UnsentContent() };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        request.Content.Headers.ContentLength = 2L * 1024 * 1024 * 1024;
        request.Headers.Add(HangarHeaders.PartSha256, new string('0', 64));
        request.Headers.ExpectContinue = true;

        using var response = await tenant.OwnerHttp.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Cancel).WaitAsync(Cancel);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(ErrorCodes.PayloadTooLarge, (await response.ProblemAsync()).Code);
    }

    [Theory]
    [InlineData("GET", "api/v1/api_keys?limit=abc", null, "limit")]
    [InlineData("POST", "api/v1/api_keys", """{"name":1,"role":"viewer"}""", "$.name")]
    [InlineData("POST", "api/v1/api_keys", """{"name":"x","role":"viewer","expires_at":true}""", "$.expires_at")]
    [InlineData("POST", "api/v1/api_keys", """{"role":"viewer"}""", "name")]
    [InlineData("POST", "api/v1/api_keys", """{"name":"x","role":"viewer","junk":1}""", "junk")]
    [InlineData("POST", "api/v1/api_keys", """{"name":null,"role":"viewer"}""", "name")]
    [InlineData("POST", "api/v1/api_keys", """[]""", "$")]
    public async Task ErrorDetails_NameApiFields_NeverDotNetTypes(string method, string path, string? body, string field)
    {
        var tenant = await fixture.NewTenantAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = body is null ? null : Api.Json(body) };

        using var response = await tenant.OwnerHttp.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = (await response.ProblemAsync()).Detail!;
        Assert.Contains(field, detail, StringComparison.Ordinal);
        foreach (var leak in new[] { "Nullable", "System.", "Hangar", "Request", "Int32", "`1", "Access.", "DateTime" })
        {
            Assert.DoesNotContain(leak, detail, StringComparison.Ordinal);
        }
    }

    private static bool CarriesSecret(Type type, int depth) =>
        depth < 3 && type.Namespace?.StartsWith("Hangar.Contracts", StringComparison.Ordinal) == true
        && type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(p =>
            SecretPropertyNames.Contains(p.Name) || CarriesSecret(Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType, depth + 1));

    private sealed class UnsentContent : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            throw new InvalidOperationException("the server read the body of a part it should have refused by its headers");

        protected override bool TryComputeLength(out long length)
        {
            length = 2L * 1024 * 1024 * 1024;
            return true;
        }
    }

    public sealed class OnSqlite(SqliteServer fixture) : HttpConformanceTests(fixture);

    public sealed class OnPostgres(PostgresServer fixture) : HttpConformanceTests(fixture);
}
