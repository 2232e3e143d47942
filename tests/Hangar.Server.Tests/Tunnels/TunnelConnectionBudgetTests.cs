using System.Net.WebSockets;
using System.Text.Json;
using Hangar.Contracts;
using Hangar.Contracts.Control;
using Hangar.Contracts.Devices;
using Hangar.Contracts.Organizations;
using Hangar.Contracts.Tunnels;
using Hangar.Server.Tests.Presence;
using Hangar.Testing;
using Hangar.Testing.Pki;

namespace Hangar.Server.Tests.Tunnels;

/// <summary>
/// A burst of connections through one tunnel (a web UI opens many at once) under the production-like device request
/// budget: the agent's data sockets spend none of it, so no connection waits for a data socket the limiter refused.
/// Its own server: the shared fixtures run with unlimited rates.
/// </summary>
public abstract class TunnelConnectionBudgetTests(DatabaseKind database)
{
    private const int Connections = 6;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConnectionsBeyondTheDevicesRequestBurst_AreAllRelayed()
    {
        // The control socket takes one of the three requests the device may make at once; the connections need six.
        await using var server = await HangarTestServer.StartAsync(database, new Dictionary<string, string?>
        {
            ["RateLimits:PerDevicePerMinute"] = "1",
            ["RateLimits:PerDeviceBurst"] = "3",
        }, Cancel);
        var created = await server.CreateClient(server.Bootstrap!.ApiKey).Organizations.CreateAsync(new CreateOrganizationRequest("burst", CreateApiKey: true), cancellationToken: Cancel);
        var owner = server.CreateClient(created.ApiKey!.Secret);
        var product = await owner.Products.CreateAsync(new CreateProductRequest("p"), cancellationToken: Cancel);
        var device = await owner.Devices.CreateAsync(new CreateDeviceRequest("burst-1", product.Id.ToString()), cancellationToken: Cancel);
        var leaf = TestPki.Leaf(TestPki.Root(), "burst-1");
        await owner.DeviceCertificates.CreateAsync(new CreateDeviceCertificateRequest(device.Id.ToString(), TestPki.Pem(leaf)), cancellationToken: Cancel);
        await using var agent = await DeviceSocket.ConnectAsync(server, leaf, Cancel);
        await agent.ReceiveAsync(Cancel);
        var tunnel = await owner.Tunnels.CreateAsync(new CreateTunnelRequest(device.Identifier, 22, CidrAllowlist: ["127.0.0.0/8"]), Cancel);
        var open = await agent.ReceiveAsync(Cancel);
        await agent.SendTextAsync(Frame(new ControlFrame(ControlFrameTypes.Ack, open.Id)), Cancel);
        for (var attempt = 0; (await owner.Tunnels.GetAsync(tunnel.Tunnel.Id.ToString(), Cancel)).State != "open"; attempt++)
        {
            Assert.True(attempt < 100, "the tunnel never opened");
            await Task.Delay(100, Cancel);
        }

        var relayed = new List<IDisposable>();
        try
        {
            for (var i = 0; i < Connections; i++)
            {
                var userConnecting = TunnelPeers.UserAsync(server, tunnel.Tunnel.Id, tunnel.Token, null, Cancel);
                var connect = await agent.ReceiveAsync(Cancel);
                Assert.Equal(ControlFrameTypes.TunnelConnect, connect.Type);
                var connectionId = connect.Data!.Value.Deserialize(HangarDeviceJsonContext.Default.TunnelOpenData)!.ConnectionId!.Value;
                var (data, http) = await TunnelPeers.DeviceAsync(server, leaf, connectionId, Cancel);
                var (user, status) = await userConnecting;
                relayed.AddRange([data, http, user]);
                Assert.True(status == 101, $"connection {i + 1} of {Connections}: {status}");

                await user.SendAsync("ping"u8.ToArray(), WebSocketMessageType.Binary, true, Cancel);
                Assert.Equal("ping"u8.ToArray(), await TunnelPeers.ReceiveAsync(data, 4, Cancel));
            }
        }
        finally
        {
            relayed.ForEach(r => r.Dispose());
        }
    }

    private static string Frame(ControlFrame frame) => JsonSerializer.Serialize(frame, HangarDeviceJsonContext.Default.ControlFrame);

    public sealed class OnSqlite() : TunnelConnectionBudgetTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : TunnelConnectionBudgetTests(DatabaseKind.Postgres);
}
