using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Hangar.Client;
using Hangar.Contracts;
using Hangar.Contracts.Audit;
using Hangar.Contracts.Common;
using Hangar.Contracts.Control;
using Hangar.Contracts.Devices;
using Hangar.Contracts.Tunnels;
using Hangar.Server.Tests.Fixtures;
using Hangar.Server.Tests.Presence;
using Hangar.Server.Tests.Tunnels;
using Hangar.Testing;
using Hangar.Testing.Pki;

namespace Hangar.Server.Tests.Hosting;

/// <summary>
/// One client address for the whole server (docs/adr/0015-client-address.md): 127.0.0.1 is the trusted proxy, and
/// the clients behind it are told apart by the address it forwards; 127.0.0.2 is a client connecting directly, whose
/// own X-Forwarded-For must change nothing. Each test runs its own server with tiny limits.
/// </summary>
public abstract class ClientAddressTests(DatabaseKind database)
{
    private static readonly IPAddress Direct = IPAddress.Parse("127.0.0.2");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BehindTheTrustedProxy_EachForwardedAddress_HasItsOwnRefusedKeyBudget()
    {
        await using var server = await StartAsync(new() { ["RateLimits:RefusedCredentialsPerAddressPerMinute"] = "2" });
        using var guessing = Through(server, "198.51.100.1", "hgr_0123456789abcdef_notthesecret");
        using var neighbour = Through(server, "198.51.100.2", server.Bootstrap!.ApiKey);

        HttpStatusCode[] guesses = [await StatusAsync(guessing), await StatusAsync(guessing), await StatusAsync(guessing)];

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], guesses);
        // The guesser's budget is its own: its neighbour's valid key is still looked up.
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(neighbour));
    }

    [Fact]
    public async Task BehindTheTrustedProxy_EachForwardedAddress_HasItsOwnRateLimit()
    {
        await using var server = await StartAsync(new() { ["RateLimits:PerAddressPerMinute"] = "2" });
        using var flooding = Through(server, "198.51.100.1", null);
        using var neighbour = Through(server, "2001:db8::2", null);

        HttpStatusCode[] flood = [await StatusAsync(flooding), await StatusAsync(flooding), await StatusAsync(flooding)];

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], flood);
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(neighbour));
    }

    [Fact]
    public async Task FromAnUntrustedPeer_AForgedForwardedFor_NeitherShowsInTheAudit_NorEvadesTheBudget()
    {
        await using var server = await StartAsync(new() { ["RateLimits:RefusedCredentialsPerAddressPerMinute"] = "2" });
        using var owner = server.CreateHttpClient(server.Bootstrap!.ApiKey, LoopbackSource.Handler(Direct));
        using var guessing = server.CreateHttpClient("hgr_0123456789abcdef_notthesecret", LoopbackSource.Handler(Direct));

        using var create = Forged(HttpMethod.Post, "api/v1/api_keys", "198.51.100.9", """{"name":"direct","role":"viewer"}""");
        using var created = await owner.SendAsync(create, Cancel);
        var guesses = new List<HttpStatusCode>();
        for (var i = 1; i <= 3; i++)
        {
            using var guess = Forged(HttpMethod.Get, "api/v1/users/me", $"198.51.100.{i}");
            using var response = await guessing.SendAsync(guess, Cancel);
            guesses.Add(response.StatusCode);
        }

        using var again = Forged(HttpMethod.Get, "api/v1/users/me", "198.51.100.10");
        using var ownerAgain = await owner.SendAsync(again, Cancel);

        Assert.Equal("127.0.0.2", (await AuditedAsync(server, created)).ClientAddress);
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], guesses);
        // The address is throttled, whatever it claims to be: the owner's valid key from there waits as well.
        Assert.Equal(HttpStatusCode.TooManyRequests, ownerAgain.StatusCode);
    }

    [Fact]
    public async Task AuditRow_RecordsTheForwardedAddress()
    {
        await using var server = await StartAsync([]);
        using var owner = Through(server, "198.51.100.7", server.Bootstrap!.ApiKey);

        using var created = await owner.PostAsync("api/v1/api_keys", Api.Json("""{"name":"proxied","role":"viewer"}"""), Cancel);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("198.51.100.7", (await AuditedAsync(server, created)).ClientAddress);
    }

    [Fact]
    public async Task TunnelAllowlist_ChecksTheForwardedAddress_AndNotOneAnUntrustedPeerForged()
    {
        await using var server = await StartAsync([]);
        var owner = server.CreateClient(server.Bootstrap!.ApiKey);
        var product = await owner.Products.CreateAsync(new CreateProductRequest("p"), cancellationToken: Cancel);
        var device = await owner.Devices.CreateAsync(new CreateDeviceRequest("proxied-tunnel", product.Id.ToString()), cancellationToken: Cancel);
        var leaf = TestPki.Leaf(TestPki.Root(), "proxied-tunnel");
        await owner.DeviceCertificates.CreateAsync(new CreateDeviceCertificateRequest(device.Id.ToString(), TestPki.Pem(leaf)), cancellationToken: Cancel);
        await using var agent = await DeviceSocket.ConnectAsync(server, leaf, Cancel);
        await agent.ReceiveAsync(Cancel);
        var tunnel = await owner.Tunnels.CreateAsync(new CreateTunnelRequest(device.Identifier, 22, CidrAllowlist: ["198.51.100.0/24"]), Cancel);
        var open = await agent.ReceiveAsync(Cancel);
        await agent.SendTextAsync(JsonSerializer.Serialize(new ControlFrame(ControlFrameTypes.Ack, open.Id), HangarDeviceJsonContext.Default.ControlFrame), Cancel);
        await WaitOpenAsync(owner, tunnel.Tunnel.Id);

        Assert.Equal(403, (await ConnectAsync(server, tunnel, "203.0.113.9", from: null)).Status);
        Assert.Equal(403, (await ConnectAsync(server, tunnel, "198.51.100.9", from: Direct)).Status);

        var allowed = ConnectAsync(server, tunnel, "198.51.100.9", from: null);
        var asked = agent.ReceiveAsync(Cancel);
        if (await Task.WhenAny(asked, allowed) == allowed)
        {
            Assert.Fail($"refused with {(await allowed).Status} instead of asking the agent for a connection");
        }

        var connect = await asked;
        Assert.Equal(ControlFrameTypes.TunnelConnect, connect.Type);
        var connectionId = connect.Data!.Value.Deserialize(HangarDeviceJsonContext.Default.TunnelOpenData)!.ConnectionId!.Value;
        var (data, http) = await TunnelPeers.DeviceAsync(server, leaf, connectionId, Cancel);
        using var _ = http;
        using var __ = data;
        var (user, status) = await allowed;
        using var ___ = user;
        Assert.Equal(101, status);
    }

    [Theory]
    [InlineData("Tunnels:TrustedProxies:0", "127.0.0.1", "Server:TrustedProxies")]
    [InlineData("DeviceIdentity:TrustedProxies:0", "127.0.0.1", "DeviceIdentity:AcceptForwardedCertificates=true")]
    [InlineData("Ddi:FailedTokensPerAddressPerMinute", "20", "RateLimits:RefusedCredentialsPerAddressPerMinute")]
    public async Task RetiredSetting_RefusesTheStart_NamingWhatReplacesIt(string key, string value, string replacement)
    {
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => HangarTestServer.StartAsync(database, new Dictionary<string, string?> { [key] = value }, Cancel));

        Assert.Contains(replacement, refused.ToString(), StringComparison.Ordinal);
    }

    private Task<HangarTestServer> StartAsync(Dictionary<string, string?> settings)
    {
        settings["Server:TrustedProxies:0"] = "127.0.0.1";
        return HangarTestServer.StartAsync(database, settings, Cancel);
    }

    /// <summary>A client behind the proxy on 127.0.0.1, which forwards its address.</summary>
    private static HttpClient Through(HangarTestServer server, string clientAddress, string? apiKey)
    {
        var http = server.CreateHttpClient(apiKey);
        http.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        return http;
    }

    private static HttpRequestMessage Forged(HttpMethod method, string path, string forwardedFor, string? json = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = json is null ? null : Api.Json(json) };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return request;
    }

    private static async Task<AuditEntryResponse> AuditedAsync(HangarTestServer server, HttpResponseMessage response)
    {
        var requestId = Assert.Single(response.Headers.GetValues(HangarHeaders.RequestId));
        var rows = await server.CreateClient(server.Bootstrap!.ApiKey).Audit.ListAsync(new ListOptions(Limit: 100), Cancel);
        return Assert.Single(rows.Data, row => row.RequestId == requestId);
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient http)
    {
        using var response = await http.GetAsync("api/v1/users/me", Cancel);
        return response.StatusCode;
    }

    /// <summary>The user's side of the tunnel with the tunnel's token, through the proxy (<paramref name="from"/> null) or directly from another address.</summary>
    private static async Task<(ClientWebSocket Socket, int Status)> ConnectAsync(HangarTestServer server, TunnelTokenResponse tunnel, string forwardedFor, IPAddress? from)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("Hangar-Tunnel-Token", tunnel.Token);
        socket.Options.SetRequestHeader("X-Forwarded-For", forwardedFor);
        using var invoker = new HttpMessageInvoker(from is null ? new SocketsHttpHandler() : LoopbackSource.Handler(from));
        var address = new UriBuilder(new Uri(server.AdminBaseAddress, $"api/v1/tunnels/{tunnel.Tunnel.Id}/connect")) { Scheme = "ws" }.Uri;
        try
        {
            await socket.ConnectAsync(address, invoker, Cancel);
        }
        catch (WebSocketException)
        {
            // The refusal is in HttpStatusCode.
        }

        return (socket, (int)socket.HttpStatusCode);
    }

    private static async Task WaitOpenAsync(HangarClient owner, Guid tunnelId)
    {
        for (var attempt = 0; (await owner.Tunnels.GetAsync(tunnelId.ToString(), Cancel)).State != "open"; attempt++)
        {
            Assert.True(attempt < 100, "the tunnel never opened");
            await Task.Delay(100, Cancel);
        }
    }

    public sealed class OnSqlite() : ClientAddressTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : ClientAddressTests(DatabaseKind.Postgres);
}
