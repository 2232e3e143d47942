using System.Net;
using System.Net.WebSockets;
using Hangar.Client;
using Hangar.Contracts.Control;
using Hangar.Contracts.Devices;
using Hangar.Contracts.Organizations;
using Hangar.Testing;
using Hangar.Testing.Pki;

namespace Hangar.Server.Tests.Presence;

/// <summary>Servers of a test's own: two nodes on one PostgreSQL database, and a node with a tiny admission budget.</summary>
public sealed class ControlSocketNodeTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, string?> FastPresence = new()
    {
        ["Presence:FlushMilliseconds"] = "50",
        ["Presence:RefreshSeconds"] = "1",
        ["Presence:LeaseSeconds"] = "3",
        // Nodes of one installation share the data directory.
        ["Server:DataDirectoryLock"] = "Shared",
        ["RateLimits:PerDevicePerMinute"] = "1000000",
        ["RateLimits:PerDeviceBurst"] = "1000000",
    };

    [Fact]
    public async Task CommandThroughAnotherNode_IsForwardedToTheNodeHoldingTheSocket_AndANewerSocketThereClosesTheOlder()
    {
        await using var first = await HangarTestServer.StartAsync(DatabaseKind.Postgres, FastPresence, Cancel);
        await using var second = await HangarTestServer.StartAsync(DatabaseKind.Postgres,
            first.Settings, Cancel);
        var owner = await OwnerAsync(first);
        var leaf = await DeviceAsync(owner, "n-1");
        await using var socket = await DeviceSocket.ConnectAsync(first, leaf, Cancel);
        var firstNode = (await socket.ReceiveAsync(Cancel)).Message;
        var viaSecond = second.CreateClient(owner.Key);
        await WaitAsync(async () => (await viaSecond.Devices.GetAsync("n-1", Cancel)).Presence.Online);

        var command = await viaSecond.Devices.CheckNowAsync("n-1", Cancel);

        Assert.Equal(("forwarded", firstNode), (command.Delivery, command.Node));
        Assert.Equal(new ControlFrame(ControlFrameTypes.CheckNow, command.Id), await socket.ReceiveAsync(Cancel));

        await using var newer = await DeviceSocket.ConnectAsync(second, leaf, Cancel);
        var secondNode = (await newer.ReceiveAsync(Cancel)).Message;
        var (status, description) = await socket.ReceiveCloseAsync(Cancel);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, status);
        Assert.Contains("replaced", description, StringComparison.Ordinal);
        await WaitAsync(async () => (await owner.Client.Devices.GetAsync("n-1", Cancel)).Presence is { Online: true } p && p.Node == secondNode);
        Assert.Equal("delivered", (await viaSecond.Devices.RebootAsync("n-1", Cancel)).Delivery);
    }

    [Fact]
    public async Task AdmissionBeyondTheBudget_Is503WithRetryAfter_BeforeTheUpgrade()
    {
        await using var server = await HangarTestServer.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string?>(FastPresence)
        {
            ["Presence:AdmissionsPerSecond"] = "1",
            ["Presence:AdmissionBurst"] = "2",
        }, Cancel);
        var owner = await OwnerAsync(server);
        var leaf = await DeviceAsync(owner, "a-1");

        var attempts = new List<ClientWebSocket>();
        for (var i = 0; i < 4; i++)
        {
            attempts.Add(await DeviceSocket.TryConnectAsync(server, leaf, Cancel));
        }

        Assert.Equal(HttpStatusCode.SwitchingProtocols, attempts[0].HttpStatusCode);
        var refused = attempts.Where(a => a.HttpStatusCode == HttpStatusCode.ServiceUnavailable).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, r => Assert.True(int.Parse(r.HttpResponseHeaders!["Retry-After"].Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1));
        attempts.ForEach(a => a.Dispose());
    }

    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; !await condition(); attempt++)
        {
            Assert.True(attempt < 150, "the condition never held");
            await Task.Delay(100, Cancel);
        }
    }

    private static async Task<(HangarClient Client, string Key)> OwnerAsync(HangarTestServer server)
    {
        var created = await server.CreateClient(server.Bootstrap!.ApiKey).Organizations.CreateAsync(
            new CreateOrganizationRequest($"nodes {Guid.CreateVersion7():N}", CreateApiKey: true), cancellationToken: Cancel);
        return (server.CreateClient(created.ApiKey!.Secret), created.ApiKey.Secret);
    }

    private static async Task<System.Security.Cryptography.X509Certificates.X509Certificate2> DeviceAsync((HangarClient Client, string Key) owner, string identifier)
    {
        var product = await owner.Client.Products.CreateAsync(new CreateProductRequest("p"), cancellationToken: Cancel);
        var device = await owner.Client.Devices.CreateAsync(new CreateDeviceRequest(identifier, product.Id.ToString()), cancellationToken: Cancel);
        var leaf = TestPki.Leaf(TestPki.Root(), identifier);
        await owner.Client.DeviceCertificates.CreateAsync(new CreateDeviceCertificateRequest(device.Id.ToString(), TestPki.Pem(leaf)), cancellationToken: Cancel);
        return leaf;
    }
}
