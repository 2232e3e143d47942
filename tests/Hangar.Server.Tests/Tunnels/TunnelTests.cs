using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Hangar.Client;
using Hangar.Contracts;
using Hangar.Contracts.Control;
using Hangar.Contracts.Devices;
using Hangar.Contracts.Tunnels;
using Hangar.Core.Access;
using Hangar.Server.Tests.Fixtures;
using Hangar.Server.Tests.Presence;
using Hangar.Testing.Pki;

namespace Hangar.Server.Tests.Tunnels;

/// <summary>
/// Tunnels on real Kestrel with a device certificate: the test plays the agent on a real control socket and data
/// socket, and the user on a real WebSocket. The clock is fake, so TTLs and sweeps move only when the test says.
/// </summary>
public abstract class TunnelTests(ClockServer fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Open_AgentAcks_RelaysBytesBothWaysWithTheToken_AndCountsThem()
    {
        var (tenant, device, leaf) = await DeviceAsync("t-relay");
        await using var agent = await DeviceSocket.ConnectAsync(fixture.Server, leaf, Cancel);
        await agent.ReceiveAsync(Cancel);

        var created = await tenant.Owner.Tunnels.CreateAsync(new CreateTunnelRequest(device.Identifier, 22, CidrAllowlist: ["127.0.0.0/8"]), Cancel);
        Assert.Equal("requested", created.Tunnel.State);
        var open = await agent.ReceiveAsync(Cancel);
        Assert.Equal((ControlFrameTypes.TunnelOpen, created.Tunnel.Id), (open.Type, open.Id));
        Assert.Equal(22, Data(open).Port);
        await agent.SendTextAsync(Frame(new ControlFrame(ControlFrameTypes.Ack, open.Id)), Cancel);
        await StateAsync(tenant, created.Tunnel.Id, "open");

        var userConnecting = TunnelPeers.UserAsync(fixture.Server, created.Tunnel.Id, created.Token, null, Cancel);
        var connect = await agent.ReceiveAsync(Cancel);
        Assert.Equal(ControlFrameTypes.TunnelConnect, connect.Type);
        var (data, http) = await TunnelPeers.DeviceAsync(fixture.Server, leaf, Data(connect).ConnectionId!.Value, Cancel);
        using var _ = http;
        var (user, status) = await userConnecting;
        Assert.Equal(101, status);

        await user.SendAsync("hello device"u8.ToArray(), WebSocketMessageType.Binary, true, Cancel);
        Assert.Equal("hello device"u8.ToArray(), await TunnelPeers.ReceiveAsync(data, 12, Cancel));
        await data.SendAsync("hi"u8.ToArray(), WebSocketMessageType.Binary, true, Cancel);
        Assert.Equal("hi"u8.ToArray(), await TunnelPeers.ReceiveAsync(user, 2, Cancel));
        await user.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, Cancel);
        await data.CloseAsync(WebSocketCloseStatus.NormalClosure, null, Cancel);

        var counted = await UntilAsync(tenant, created.Tunnel.Id, t => t.BytesToDevice == 12);
        Assert.Equal(2, counted.BytesFromDevice);
        Assert.Single((await tenant.Owner.Events.ListAsync(new ListOptions(Search: "type:'tunnel.opened'"), Cancel)).Data);
    }

    [Fact]
    public async Task AgentRefusesThePort_TunnelClosesAsRefusedPort_WithTheAgentsWords()
    {
        var (tenant, device, leaf) = await DeviceAsync("t-refused");
        await using var agent = await DeviceSocket.ConnectAsync(fixture.Server, leaf, Cancel);
        await agent.ReceiveAsync(Cancel);

        var created = await tenant.Owner.Tunnels.CreateAsync(new CreateTunnelRequest(device.Id.ToString(), 8080), Cancel);
        var open = await agent.ReceiveAsync(Cancel);
        await agent.SendTextAsync(Frame(new ControlFrame(ControlFrameTypes.Refused, open.Id, "refused_port", "port 8080 is not allowed")), Cancel);

        var closed = await StateAsync(tenant, created.Tunnel.Id, "closed");
        Assert.Equal(("refused_port", "port 8080 is not allowed"), (closed.CloseReason, closed.CloseMessage));
        Assert.Equal(409, (await TunnelPeers.UserAsync(fixture.Server, created.Tunnel.Id, created.Token, null, Cancel)).Status);
    }

    [Fact]
    public async Task ClosedBeforeTheAgentsAcceptArrives_StaysClosed_AndNeverOpens()
    {
        var (tenant, device, leaf) = await DeviceAsync("t-late-ack");
        await using var agent = await DeviceSocket.ConnectAsync(fixture.Server, leaf, Cancel);
        await agent.ReceiveAsync(Cancel);

        var created = await tenant.Owner.Tunnels.CreateAsync(new CreateTunnelRequest(device.Id.ToString(), 8080), Cancel);
        var open = await agent.ReceiveAsync(Cancel);
        await tenant.Owner.Tunnels.CloseAsync(created.Tunnel.Id.ToString(), Cancel);
        Assert.Equal(ControlFrameTypes.TunnelClose, (await agent.ReceiveAsync(Cancel)).Type);
        await agent.SendTextAsync(Frame(new ControlFrame(ControlFrameTypes.Ack, open.Id)), Cancel);
        // A frame sent after the ack and answered proves the server has handled the ack.
        await agent.SendTextAsync(Frame(new ControlFrame(ControlFrameTypes.Ping, Guid.CreateVersion7())), Cancel);
        Assert.Equal(ControlFrameTypes.Pong, (await agent.ReceiveAsync(Cancel)).Type);

        var tunnel = await tenant.Owner.Tunnels.GetAsync(created.Tunnel.Id.ToString(), Cancel);
        Assert.Equal(("closed", "user"), (tunnel.State, tunnel.CloseReason));
        Assert.DoesNotContain((await tenant.Owner.Events.ListAsync(new ListOptions(Search: "type:'tunnel.opened'"), Cancel)).Data,
            e => e.ResourceId == created.Tunnel.Id);
    }

    [Fact]
    public async Task Token_RefusedForAnotherTunnel_AndAfterClose_AndAfterRotation()
    {
        var (tenant, device, leaf) = await DeviceAsync("t-token");
        await using var agent = await DeviceSocket.ConnectAsync(fixture.Server, leaf, Cancel);
        await agent.ReceiveAsync(Cancel);
        var first = await OpenAsync(tenant, agent, device, 22);
        var second = await OpenAsync(tenant, agent, device, 80);

        Assert.Equal(401, (await TunnelPeers.UserAsync(fixture.Server, second.Tunnel.Id, first.Token, null, Cancel)).Status);
        var rotated = await tenant.Owner.Tunnels.RotateTokenAsync(second.Tunnel.Id.ToString(), Cancel);
        Assert.Equal(second.Tunnel.ExpiresAt, rotated.Tunnel.ExpiresAt, TimeSpan.FromMilliseconds(1));
        Assert.Equal(401, (await TunnelPeers.UserAsync(fixture.Server, second.Tunnel.Id, second.Token, null, Cancel)).Status);

        await tenant.Owner.Tunnels.CloseAsync(first.Tunnel.Id.ToString(), Cancel);
        var close = await agent.ReceiveAsync(Cancel);
        Assert.Equal((ControlFrameTypes.TunnelClose, first.Tunnel.Id), (close.Type, close.Id));
        Assert.Equal(409, (await TunnelPeers.UserAsync(fixture.Server, first.Tunnel.Id, first.Token, null, Cancel)).Status);
        Assert.Equal("user", (await tenant.Owner.Tunnels.GetAsync(first.Tunnel.Id.ToString(), Cancel)).CloseReason);
    }

    [Fact]
    public async Task Token_OfOneDevicesTunnel_IsRefusedForAnotherDevicesTunnel()
    {
        var (tenant, first, firstLeaf) = await DeviceAsync("t-token-a");
        var second = await tenant.Owner.Devices.CreateAsync(new CreateDeviceRequest("t-token-b", first.ProductId.ToString()), cancellationToken: Cancel);
        var secondLeaf = TestPki.Leaf(TestPki.Root(), "t-token-b");
        await tenant.Owner.DeviceCertificates.CreateAsync(new CreateDeviceCertificateRequest(second.Id.ToString(), TestPki.Pem(secondLeaf)), cancellationToken: Cancel);
        await using var firstAgent = await DeviceSocket.ConnectAsync(fixture.Server, firstLeaf, Cancel);
        await firstAgent.ReceiveAsync(Cancel);
        await using var secondAgent = await DeviceSocket.ConnectAsync(fixture.Server, secondLeaf, Cancel);
        await secondAgent.ReceiveAsync(Cancel);
        var mine = await OpenAsync(tenant, firstAgent, first, 22);
        var theirs = await OpenAsync(tenant, secondAgent, second, 22);

        Assert.Equal(401, (await TunnelPeers.UserAsync(fixture.Server, theirs.Tunnel.Id, mine.Token, null, Cancel)).Status);
    }

    [Fact]
    public async Task ListAndGet_NameTheDeviceByItsIdentifier()
    {
        var (tenant, device, leaf) = await DeviceAsync("t-named");
        await using var agent = await DeviceSocket.ConnectAsync(fixture.Server, leaf, Cancel);
        await agent.ReceiveAsync(Cancel);
        var created = await OpenAsync(tenant, agent, device, 22);

        Assert.Equal("t-named", created.Tunnel.DeviceIdentifier);
        Assert.Equal("t-named", (await tenant.Owner.Tunnels.GetAsync(created.Tunnel.Id.ToString(), Cancel)).DeviceIdentifier);
        var listed = Assert.Single((await tenant.Owner.Tunnels.ListAsync(cancellationToken: Cancel)).Data);
        Assert.Equal((device.Id, "t-named"), (listed.DeviceId, listed.DeviceIdentifier));
        Assert.Equal("t-named", (await tenant.Owner.Tunnels.CloseAsync(created.Tunnel.Id.ToString(), Cancel)).DeviceIdentifier);
    }

    [Fact]
    public async Task AddressOutsideTheAllowlist_IsRefused()
    {
        var (tenant, device, leaf) = await DeviceAsync("t-cidr");
        await using var agent = await DeviceSocket.ConnectAsync(fixture.Server, leaf, Cancel);
        await agent.ReceiveAsync(Cancel);
        var tunnel = await OpenAsync(tenant, agent, device, 22, ["10.0.0.0/8", "2001:db8::/32"]);

        Assert.Equal(403, (await TunnelPeers.UserAsync(fixture.Server, tunnel.Tunnel.Id, tunnel.Token, null, Cancel)).Status);
    }

    [Fact]
    public async Task Viewer_MayListButNotOpen_AndTheRefusalIsAudited()
    {
        var (tenant, device, _) = await DeviceAsync("t-viewer");
        var viewer = await tenant.ClientAsync(Role.Viewer);

        var refused = await Assert.ThrowsAsync<HangarApiException>(() => viewer.Tunnels.CreateAsync(new CreateTunnelRequest(device.Identifier, 22), Cancel));

        Assert.Equal(403, (int)refused.Status);
        Assert.Empty((await viewer.Tunnels.ListAsync(cancellationToken: Cancel)).Data);
        var audit = Assert.Single((await tenant.Owner.Audit.ListAsync(new ListOptions(Search: "action:'tunnel.create'"), Cancel)).Data);
        Assert.Equal(("denied", 403), (audit.Outcome, audit.StatusCode));
    }

    [Fact]
    public async Task Ttl_ClosesTheTunnelAndItsConnections_ExtendIsBoundedByTheMaximumTtl()
    {
        var (tenant, device, leaf) = await DeviceAsync("t-ttl");
        await using var agent = await DeviceSocket.ConnectAsync(fixture.Server, leaf, Cancel);
        await agent.ReceiveAsync(Cancel);
        var tunnel = await OpenAsync(tenant, agent, device, 22);
        var tooLong = await Assert.ThrowsAsync<HangarApiException>(() =>
            tenant.Owner.Tunnels.ExtendAsync(tunnel.Tunnel.Id.ToString(), new ExtendTunnelRequest(9 * 3600), Cancel));
        Assert.Equal(400, (int)tooLong.Status);
        var extended = await tenant.Owner.Tunnels.ExtendAsync(tunnel.Tunnel.Id.ToString(), new ExtendTunnelRequest(2 * 3600), Cancel);
        Assert.True(extended.ExpiresAt > tunnel.Tunnel.ExpiresAt);
        var (user, data, http) = await ConnectAsync(tenant, agent, leaf, tunnel);
        using var _ = http;

        fixture.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(5));
        Assert.Equal("open", (await tenant.Owner.Tunnels.GetAsync(tunnel.Tunnel.Id.ToString(), Cancel)).State);
        fixture.Time.Advance(TimeSpan.FromHours(1));

        var closed = await StateAsync(tenant, tunnel.Tunnel.Id, "closed");
        Assert.Equal("ttl", closed.CloseReason);
        await Assert.ThrowsAnyAsync<Exception>(() => user.ReceiveAsync(new byte[16], Cancel));
    }

    [Fact]
    public async Task RevokingTheDeviceCertificate_ClosesItsTunnels()
    {
        var (tenant, device, leaf) = await DeviceAsync("t-revoke");
        await using var agent = await DeviceSocket.ConnectAsync(fixture.Server, leaf, Cancel);
        await agent.ReceiveAsync(Cancel);
        var tunnel = await OpenAsync(tenant, agent, device, 22);
        var (user, _, http) = await ConnectAsync(tenant, agent, leaf, tunnel);
        using var __ = http;
        var certificate = Assert.Single((await tenant.Owner.DeviceCertificates.ListAsync(cancellationToken: Cancel)).Data);

        await tenant.Owner.DeviceCertificates.RevokeAsync(certificate.Id.ToString(), Cancel);
        fixture.Time.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal("revoked", (await StateAsync(tenant, tunnel.Tunnel.Id, "closed")).CloseReason);
        await Assert.ThrowsAnyAsync<Exception>(() => user.ReceiveAsync(new byte[16], Cancel));
    }

    private static async Task<TunnelTokenResponse> OpenAsync(Tenant tenant, DeviceSocket agent, DeviceResponse device, int port, IReadOnlyList<string>? cidr = null)
    {
        var created = await tenant.Owner.Tunnels.CreateAsync(new CreateTunnelRequest(device.Identifier, port, CidrAllowlist: cidr), Cancel);
        var open = await agent.ReceiveAsync(Cancel);
        await agent.SendTextAsync(Frame(new ControlFrame(ControlFrameTypes.Ack, open.Id)), Cancel);
        await StateAsync(tenant, created.Tunnel.Id, "open");
        return created;
    }

    private async Task<(ClientWebSocket User, ClientWebSocket Data, HttpClient Http)> ConnectAsync(Tenant tenant, DeviceSocket agent, X509Certificate2 leaf,
        TunnelTokenResponse tunnel)
    {
        var userConnecting = TunnelPeers.UserAsync(fixture.Server, tunnel.Tunnel.Id, null, tenant.OwnerKey, Cancel);
        var connect = await agent.ReceiveAsync(Cancel);
        var (data, http) = await TunnelPeers.DeviceAsync(fixture.Server, leaf, Data(connect).ConnectionId!.Value, Cancel);
        var (user, status) = await userConnecting;
        Assert.Equal(101, status);
        return (user, data, http);
    }

    private static TunnelOpenData Data(ControlFrame frame) => frame.Data!.Value.Deserialize(HangarDeviceJsonContext.Default.TunnelOpenData)!;

    private static string Frame(ControlFrame frame) => JsonSerializer.Serialize(frame, HangarDeviceJsonContext.Default.ControlFrame);

    private static Task<TunnelResponse> StateAsync(Tenant tenant, Guid id, string state) => UntilAsync(tenant, id, t => t.State == state);

    private static async Task<TunnelResponse> UntilAsync(Tenant tenant, Guid id, Func<TunnelResponse, bool> condition)
    {
        for (var attempt = 0; ; attempt++)
        {
            var tunnel = await tenant.Owner.Tunnels.GetAsync(id.ToString(), Cancel);
            if (condition(tunnel))
            {
                return tunnel;
            }

            Assert.True(attempt < 100, $"the tunnel never got there; last: {tunnel}");
            await Task.Delay(100, Cancel);
        }
    }

    private async Task<(Tenant Tenant, DeviceResponse Device, X509Certificate2 Leaf)> DeviceAsync(string identifier)
    {
        var tenant = await fixture.NewTenantAsync();
        var product = await tenant.Owner.Products.CreateAsync(new CreateProductRequest("p"), cancellationToken: Cancel);
        var device = await tenant.Owner.Devices.CreateAsync(new CreateDeviceRequest(identifier, product.Id.ToString()), cancellationToken: Cancel);
        var leaf = TestPki.Leaf(TestPki.Root(), identifier);
        await tenant.Owner.DeviceCertificates.CreateAsync(new CreateDeviceCertificateRequest(device.Id.ToString(), TestPki.Pem(leaf)), cancellationToken: Cancel);
        return (tenant, device, leaf);
    }

    public sealed class OnSqlite(ClockSqliteServer fixture) : TunnelTests(fixture), IClassFixture<ClockSqliteServer>;

    public sealed class OnPostgres(ClockPostgresServer fixture) : TunnelTests(fixture), IClassFixture<ClockPostgresServer>;
}
