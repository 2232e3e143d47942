using System.Net;
using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using Hangar.Client;
using Hangar.Contracts.Common;
using Hangar.Contracts.Control;
using Hangar.Contracts.Devices;
using Hangar.Data;
using Hangar.Data.Tenancy;
using Hangar.Server.Tests.Fixtures;
using Hangar.Testing.Pki;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hangar.Server.Tests.Presence;

/// <summary>The control socket on real Kestrel with real device certificates: presence transitions, their events, and pushed commands.</summary>
public abstract class PresenceTests(PresenceServer fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Connect_MarksOnlineAndStaysSoPastTheLease_CleanClose_MarksOffline()
    {
        var (tenant, device, leaf) = await DeviceAsync("p-connect");

        await using var socket = await DeviceSocket.ConnectAsync(fixture.Server, leaf, Cancel);
        var hello = await socket.ReceiveAsync(Cancel);

        Assert.Equal(ControlFrameTypes.Hello, hello.Type);
        var online = await PresenceAsync(tenant, device, p => p.Online);
        Assert.Equal("127.0.0.1", online.RemoteAddress);
        Assert.Equal(hello.Message, online.Node);
        Assert.NotNull(online.ConnectedAt);
        Assert.Equal(device.Id, Assert.Single((await tenant.Owner.Devices.ListAsync(new ListOptions(Search: "online:true"), Cancel)).Data).Id);
        // The node renews its claim: the sweep of expired claims leaves a live socket alone.
        await Task.Delay(TimeSpan.FromSeconds(PresenceServer.LeaseSeconds + 1.5), Cancel);
        Assert.True((await tenant.Owner.Devices.GetAsync(device.Id.ToString(), Cancel)).Presence.Online);

        await socket.CloseAsync(Cancel);

        var offline = await PresenceAsync(tenant, device, p => !p.Online);
        Assert.Equal(online.ConnectedAt, offline.ConnectedAt);
        Assert.True(offline.LastSeenAt >= online.LastSeenAt);
        Assert.Equal(device.Id, Assert.Single((await tenant.Owner.Devices.ListAsync(new ListOptions(Search: "online:false"), Cancel)).Data).Id);
    }

    [Fact]
    public async Task DroppedConnection_MarksOffline()
    {
        var (tenant, device, leaf) = await DeviceAsync("p-drop");
        var socket = await DeviceSocket.ConnectAsync(fixture.Server, leaf, Cancel);
        await socket.ReceiveAsync(Cancel);
        await PresenceAsync(tenant, device, p => p.Online);

        // No close frame: the TCP connection just ends.
        socket.Socket.Abort();
        await socket.DisposeAsync();

        await PresenceAsync(tenant, device, p => !p.Online);
    }

    [Fact]
    public async Task SecondSocket_ClosesTheFirstWithAReason_AndTheDeviceStaysOnline()
    {
        var (tenant, device, leaf) = await DeviceAsync("p-twice");
        await using var first = await DeviceSocket.ConnectAsync(fixture.Server, leaf, Cancel);
        await first.ReceiveAsync(Cancel);
        var firstPresence = await PresenceAsync(tenant, device, p => p.Online);

        await using var second = await DeviceSocket.ConnectAsync(fixture.Server, leaf, Cancel);
        await second.ReceiveAsync(Cancel);

        var (status, description) = await first.ReceiveCloseAsync(Cancel);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, status);
        Assert.Contains("replaced", description, StringComparison.Ordinal);
        var secondPresence = await PresenceAsync(tenant, device, p => p.Online && p.ConnectedAt > firstPresence.ConnectedAt);
        await Task.Delay(500, Cancel);
        Assert.Equal(secondPresence, (await tenant.Owner.Devices.GetAsync(device.Id.ToString(), Cancel)).Presence with { LastSeenAt = secondPresence.LastSeenAt });
        var command = await tenant.Owner.Devices.CheckNowAsync(device.Id.ToString(), Cancel);
        Assert.Equal(command.Id, (await second.ReceiveAsync(Cancel)).Id);
    }

    [Fact]
    public async Task ClaimOfADeadNode_ExpiresAfterTheLease_WithAnExpiredDisconnect()
    {
        var (tenant, device, _) = await DeviceAsync("p-dead");
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        await using (var scope = fixture.Server.Services.CreateAsyncScope())
        {
            // What a node that died (or restarted under another name) leaves behind.
            var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
            await db.Devices.IgnoreQueryFilters([TenantFilter.Name]).Where(d => d.Id == device.Id).ExecuteUpdateAsync(u => u
                .SetProperty(d => d.Online, true).SetProperty(d => d.ConnectedAt, now.AddMinutes(-5)).SetProperty(d => d.LastSeenAt, now.AddSeconds(-1))
                .SetProperty(d => d.PresenceNode, "dead-node"), Cancel);
        }

        Assert.True((await tenant.Owner.Devices.GetAsync(device.Id.ToString(), Cancel)).Presence.Online);

        await PresenceAsync(tenant, device, p => !p.Online);
        var disconnected = await EventsAsync(tenant, "device.disconnected", 1);
        Assert.Equal("expired", disconnected[0].Data.GetProperty("reason").GetString());
        Assert.Equal("dead-node", disconnected[0].Data.GetProperty("node").GetString());
    }

    [Fact]
    public async Task FlapWithinTheWindow_EmitsNothing_ALongerAbsenceEmitsOneDisconnect()
    {
        var (tenant, device, leaf) = await DeviceAsync("p-flap");
        await using (var socket = await DeviceSocket.ConnectAsync(fixture.Server, leaf, Cancel))
        {
            await socket.ReceiveAsync(Cancel);
            await EventsAsync(tenant, "device.connected", 1);
            await socket.CloseAsync(Cancel);
        }

        await PresenceAsync(tenant, device, p => !p.Online);
        await using var again = await DeviceSocket.ConnectAsync(fixture.Server, leaf, Cancel);
        await again.ReceiveAsync(Cancel);
        await PresenceAsync(tenant, device, p => p.Online);
        await Task.Delay(TimeSpan.FromSeconds(PresenceServer.CoalesceSeconds + 1), Cancel);

        Assert.Single(await EventsAsync(tenant, "device.connected", 1));
        Assert.Empty(await EventsAsync(tenant, "device.disconnected", 0));

        await again.CloseAsync(Cancel);
        var disconnected = await EventsAsync(tenant, "device.disconnected", 1);
        Assert.Equal("closed", disconnected[0].Data.GetProperty("reason").GetString());
        Assert.Single(await EventsAsync(tenant, "device.connected", 1));
    }

    [Fact]
    public async Task Commands_AreWrittenToTheSocket_AndRecorded()
    {
        var (tenant, device, leaf) = await DeviceAsync("p-push");
        await using var socket = await DeviceSocket.ConnectAsync(fixture.Server, leaf, Cancel);
        await socket.ReceiveAsync(Cancel);

        var checkNow = await tenant.Owner.Devices.CheckNowAsync("p-push", Cancel);
        var reboot = await tenant.Owner.Devices.RebootAsync(device.Id.ToString(), Cancel);

        Assert.Equal(("check_now", "delivered"), (checkNow.Command, checkNow.Delivery));
        Assert.Equal(("reboot", "delivered"), (reboot.Command, reboot.Delivery));
        Assert.Equal(new ControlFrame(ControlFrameTypes.CheckNow, checkNow.Id), await socket.ReceiveAsync(Cancel));
        Assert.Equal(new ControlFrame(ControlFrameTypes.Reboot, reboot.Id), await socket.ReceiveAsync(Cancel));
        Assert.Equal(2, (await EventsAsync(tenant, "device.command_sent", 2)).Count);
        Assert.Single((await tenant.Owner.Audit.ListAsync(new ListOptions(Search: "action:'device.reboot'"), Cancel)).Data);
    }

    [Fact]
    public async Task Command_ToAnOfflineDevice_Is409DeviceOffline()
    {
        var (tenant, device, _) = await DeviceAsync("p-offline");

        var refused = await Assert.ThrowsAsync<HangarApiException>(() => tenant.Owner.Devices.CheckNowAsync(device.Id.ToString(), Cancel));

        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Equal(ErrorCodes.DeviceOffline, refused.Code);
        Assert.Empty(await EventsAsync(tenant, "device.command_sent", 0));
    }

    [Fact]
    public async Task UnknownOrMalformedFrames_AreAnsweredWithErrors_PingWithPong()
    {
        var (_, _, leaf) = await DeviceAsync("p-frames");
        await using var socket = await DeviceSocket.ConnectAsync(fixture.Server, leaf, Cancel);
        await socket.ReceiveAsync(Cancel);
        var id = Guid.CreateVersion7();

        await socket.SendTextAsync($$"""{"type":"dance","id":"{{id}}"}""", Cancel);
        Assert.Equal((ControlFrameTypes.Error, id, ErrorCodes.UnknownFrameType), Parts(await socket.ReceiveAsync(Cancel)));
        await socket.SendTextAsync("{not json", Cancel);
        Assert.Equal((ControlFrameTypes.Error, null, ErrorCodes.InvalidFrame), Parts(await socket.ReceiveAsync(Cancel)));
        await socket.SendTextAsync($$"""{"type":"ping","id":"{{id}}"}""", Cancel);
        Assert.Equal((ControlFrameTypes.Pong, id, null), Parts(await socket.ReceiveAsync(Cancel)));

        await socket.SendTextAsync($$"""{"type":"ping","message":"{{new string('x', 20_000)}}"}""", Cancel);
        var (status, _) = await socket.ReceiveCloseAsync(Cancel);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, status);
    }

    [Fact]
    public async Task QuarantinedDevice_GetsNoSocket()
    {
        var (tenant, device, leaf) = await DeviceAsync("p-quarantined");
        await tenant.Owner.Devices.UpdateAsync(device.Id.ToString(), new UpdateDeviceRequest(Quarantined: true), Cancel);

        using var refused = await DeviceSocket.TryConnectAsync(fixture.Server, leaf, Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, refused.HttpStatusCode);
        Assert.False((await tenant.Owner.Devices.GetAsync(device.Id.ToString(), Cancel)).Presence.Online);
    }

    private static (string Type, Guid? Id, string? Code) Parts(ControlFrame frame) => (frame.Type, frame.Id, frame.Code);

    private async Task<(Tenant Tenant, DeviceResponse Device, X509Certificate2 Leaf)> DeviceAsync(string identifier)
    {
        var tenant = await fixture.NewTenantAsync();
        var product = await tenant.Owner.Products.CreateAsync(new CreateProductRequest("p"), cancellationToken: Cancel);
        var device = await tenant.Owner.Devices.CreateAsync(new CreateDeviceRequest(identifier, product.Id.ToString()), cancellationToken: Cancel);
        var leaf = TestPki.Leaf(TestPki.Root(), identifier);
        await tenant.Owner.DeviceCertificates.CreateAsync(new CreateDeviceCertificateRequest(device.Id.ToString(), TestPki.Pem(leaf)), cancellationToken: Cancel);
        return (tenant, device, leaf);
    }

    /// <summary>The device's presence once it satisfies <paramref name="condition"/> (writes are batched, so it takes a moment).</summary>
    private static async Task<DevicePresenceResponse> PresenceAsync(Tenant tenant, DeviceResponse device, Func<DevicePresenceResponse, bool> condition)
    {
        for (var attempt = 0; ; attempt++)
        {
            var presence = (await tenant.Owner.Devices.GetAsync(device.Id.ToString(), Cancel)).Presence;
            if (condition(presence))
            {
                return presence;
            }

            Assert.True(attempt < 150, $"presence never reached the expected state; last: {presence}");
            await Task.Delay(100, Cancel);
        }
    }

    /// <summary>The events of <paramref name="type"/> once there are at least <paramref name="atLeast"/>.</summary>
    private static async Task<IReadOnlyList<Hangar.Contracts.Events.EventResponse>> EventsAsync(Tenant tenant, string type, int atLeast)
    {
        for (var attempt = 0; ; attempt++)
        {
            var events = (await tenant.Owner.Events.ListAsync(new ListOptions(Search: $"type:'{type}'"), Cancel)).Data;
            if (events.Count >= atLeast)
            {
                return events;
            }

            Assert.True(attempt < 150, $"only {events.Count} {type} events");
            await Task.Delay(100, Cancel);
        }
    }

    public sealed class OnSqlite(PresenceSqliteServer fixture) : PresenceTests(fixture), IClassFixture<PresenceSqliteServer>;

    public sealed class OnPostgres(PresencePostgresServer fixture) : PresenceTests(fixture), IClassFixture<PresencePostgresServer>;
}
