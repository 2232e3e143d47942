using Hangar.Contracts.Control;
using Hangar.Server.Hosting.Cluster;

namespace Hangar.Server.Features.Presence;

/// <summary>
/// What nodes tell each other about control sockets, over <see cref="IClusterSignal"/>: a command for a device whose
/// socket another node holds (that node writes it), and "this device connected here" (any other node holding an
/// older socket of it closes that one, as a node does for two sockets of its own). Delivery is at most once: a
/// forwarded command is answered <c>forwarded</c>, never <c>delivered</c>.
/// </summary>
internal sealed class CommandRelay(IClusterSignal signal, ControlSessions sessions, ClusterNode node, ILogger<CommandRelay> logger) : IHostedService
{
    public const string CommandTopic = "control.command";
    public const string ConnectedTopic = "control.connected";

    private readonly List<IDisposable> _subscriptions = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscriptions.Add(signal.Subscribe(CommandTopic, OnCommand));
        _subscriptions.Add(signal.Subscribe(ConnectedTopic, OnConnected));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscriptions.ForEach(s => s.Dispose());
        return Task.CompletedTask;
    }

    public Task ForwardAsync(Guid deviceId, string command, Guid commandId, CancellationToken cancellationToken) =>
        signal.PublishAsync(CommandTopic, $"{deviceId}|{command}|{commandId}", cancellationToken);

    public Task ConnectedAsync(Guid deviceId, CancellationToken cancellationToken) =>
        signal.PublishAsync(ConnectedTopic, $"{deviceId}|{node.Name}", cancellationToken);

    private void OnCommand(string? key)
    {
        // A null key (messages may have been lost) names no command to replay.
        var parts = key?.Split('|');
        if (parts is not [var device, var command, var id] || !Guid.TryParse(device, out var deviceId) || !Guid.TryParse(id, out var commandId)
            || sessions.Find(deviceId) is not { } session)
        {
            return;
        }

        _ = SendAsync(session, new ControlFrame(command, commandId));
    }

    private void OnConnected(string? key)
    {
        var parts = key?.Split('|', 2);
        if (parts is [var device, var at] && at != node.Name && Guid.TryParse(device, out var deviceId) && sessions.Find(deviceId) is { } older)
        {
            older.End(System.Net.WebSockets.WebSocketCloseStatus.PolicyViolation, ControlSessions.ReplacedReason);
        }
    }

    private async Task SendAsync(ControlSession session, ControlFrame frame)
    {
        if (!await session.SendAsync(frame, CancellationToken.None))
        {
            logger.LogWarning("Could not write forwarded command {CommandId} to device {DeviceId}: its socket closed", frame.Id, session.DeviceId);
        }
    }
}
