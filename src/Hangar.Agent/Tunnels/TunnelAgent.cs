using System.Collections.Concurrent;
using System.Text.Json;
using Hangar.Agent.Configuration;
using Hangar.Contracts;
using Hangar.Contracts.Control;
using Hangar.Contracts.Tunnels;
using Microsoft.Extensions.Logging;

namespace Hangar.Agent.Tunnels;

/// <summary>
/// The agent's side of tunnels, driven by control frames: <c>tunnel_open</c> is accepted only when tunnels are
/// enabled and the port is in <c>tunnels.allowed_ports</c>; each <c>tunnel_connect</c> of an accepted tunnel becomes
/// one <see cref="TunnelConnection"/> (a data WebSocket paired with a TCP connection to 127.0.0.1:port);
/// <c>tunnel_close</c> forgets the tunnel and ends its connections.
/// </summary>
public sealed class TunnelAgent(AgentConfig config, TunnelConnection connections, ILogger<TunnelAgent> logger)
{
    public const string RefusedPort = "refused_port";
    public const string TunnelsDisabled = "tunnels_disabled";
    public const string ConnectFailed = "connect_failed";

    private readonly ConcurrentDictionary<Guid, Accepted> _accepted = new();

    /// <summary>The answer to <c>tunnel_open</c>: <c>ack</c>, or <c>refused</c> with a code and a reason.</summary>
    public ControlFrame Open(ControlFrame frame)
    {
        if (Read(frame) is not { } data)
        {
            return new ControlFrame(ControlFrameTypes.Refused, frame.Id, "invalid_frame", "tunnel_open carries no tunnel data");
        }

        if (!config.Tunnels.Enabled)
        {
            logger.LogWarning("Refusing tunnel {TunnelId} to port {Port}: tunnels are disabled", data.TunnelId, data.Port);
            return new ControlFrame(ControlFrameTypes.Refused, frame.Id, TunnelsDisabled, "tunnels are disabled in this agent's configuration (tunnels.enabled)");
        }

        if (!config.Tunnels.AllowedPorts.Contains(data.Port))
        {
            logger.LogWarning("Refusing tunnel {TunnelId}: port {Port} is not in tunnels.allowed_ports", data.TunnelId, data.Port);
            return new ControlFrame(ControlFrameTypes.Refused, frame.Id, RefusedPort, $"port {data.Port} is not in this agent's tunnels.allowed_ports");
        }

        _accepted[data.TunnelId] = new Accepted(data.Port, new CancellationTokenSource());
        logger.LogInformation("Tunnel {TunnelId} to port {Port} accepted", data.TunnelId, data.Port);
        return new ControlFrame(ControlFrameTypes.Ack, frame.Id);
    }

    /// <summary>Starts a connection for <c>tunnel_connect</c>; <paramref name="answer"/> sends a refusal when it cannot be made.</summary>
    public void Connect(ControlFrame frame, Func<ControlFrame, Task> answer, CancellationToken stopping)
    {
        if (Read(frame) is not { ConnectionId: { } connectionId } data || !_accepted.TryGetValue(data.TunnelId, out var tunnel) || tunnel.Port != data.Port)
        {
            _ = answer(new ControlFrame(ControlFrameTypes.Refused, frame.Id, RefusedPort, "no accepted tunnel to this port"));
            return;
        }

        _ = RunAsync(connectionId, tunnel, answer, stopping);
    }

    public void Close(ControlFrame frame)
    {
        if (frame.Id is { } id && _accepted.TryRemove(id, out var tunnel))
        {
            logger.LogInformation("Tunnel {TunnelId} closed by the server", id);
            tunnel.Stop.Cancel();
            tunnel.Stop.Dispose();
        }
    }

    private async Task RunAsync(Guid connectionId, Accepted tunnel, Func<ControlFrame, Task> answer, CancellationToken stopping)
    {
        try
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(stopping, tunnel.Stop.Token);
            if (await connections.RunAsync(connectionId, tunnel.Port, stop.Token) is { } failure)
            {
                await answer(new ControlFrame(ControlFrameTypes.Refused, connectionId, ConnectFailed, failure));
            }
        }
        catch (Exception exception) when (exception is ObjectDisposedException or OperationCanceledException)
        {
            // The tunnel closed while this connection started.
        }
    }

    private static TunnelOpenData? Read(ControlFrame frame)
    {
        try
        {
            return frame.Data is { } data ? data.Deserialize(HangarDeviceJsonContext.Tolerant.TunnelOpenData) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Accepted(int Port, CancellationTokenSource Stop);
}
