using System.Text.Json;
using Hangar.Contracts;
using Hangar.Contracts.Control;
using Hangar.Contracts.Tunnels;
using Hangar.Server.Features.Presence;
using Hangar.Server.Hosting.Cluster;

namespace Hangar.Server.Features.Tunnels;

/// <summary>
/// Writes the tunnel frames (<c>tunnel_open</c>, <c>tunnel_connect</c>, <c>tunnel_close</c>) to a device's control
/// socket: here when this node holds it, else through <see cref="IClusterSignal"/> to every node, where the one
/// holding it writes it (at most once, like forwarded commands).
/// </summary>
internal sealed class TunnelFrames(ControlSessions sessions, IClusterSignal signal, ILogger<TunnelFrames> logger) : IHostedService
{
    private const string Topic = "tunnel.frame";
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = signal.Subscribe(Topic, OnForwarded);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>True when the frame was written here or handed to the node named as holding the device's socket.</summary>
    public async Task<bool> SendAsync(Guid deviceId, string type, Guid id, TunnelOpenData data, bool onlineElsewhere, CancellationToken cancellationToken)
    {
        var frame = new ControlFrame(type, id, Data: JsonSerializer.SerializeToElement(data, HangarDeviceJsonContext.Default.TunnelOpenData));
        if (sessions.Find(deviceId) is { } session && await session.SendAsync(frame, cancellationToken))
        {
            return true;
        }

        if (!onlineElsewhere)
        {
            return false;
        }

        var json = JsonSerializer.Serialize(frame, HangarDeviceJsonContext.Default.ControlFrame);
        await signal.PublishAsync(Topic, $"{deviceId}|{json}", cancellationToken);
        return true;
    }

    private void OnForwarded(string? key)
    {
        var parts = key?.Split('|', 2);
        if (parts is not [var device, var json] || !Guid.TryParse(device, out var deviceId) || sessions.Find(deviceId) is not { } session)
        {
            return;
        }

        var frame = JsonSerializer.Deserialize(json, HangarDeviceJsonContext.Default.ControlFrame)!;
        _ = WriteAsync(session, frame);
    }

    private async Task WriteAsync(ControlSession session, ControlFrame frame)
    {
        if (!await session.SendAsync(frame, CancellationToken.None))
        {
            logger.LogWarning("Could not write forwarded {Type} {Id} to device {DeviceId}: its socket closed", frame.Type, frame.Id, session.DeviceId);
        }
    }
}
