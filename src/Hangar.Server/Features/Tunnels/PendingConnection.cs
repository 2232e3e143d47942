using System.Net.WebSockets;

namespace Hangar.Server.Features.Tunnels;

/// <summary>
/// A user's connection waiting for the agent's data socket. The device's request hands its socket over through
/// <see cref="DeviceSocket"/> and then waits on <see cref="Finished"/>, since the socket lives only as long as that request.
/// </summary>
internal sealed class PendingConnection(Guid connectionId, Guid tunnelId, Guid deviceId)
{
    public Guid ConnectionId => connectionId;
    public Guid TunnelId => tunnelId;
    public Guid DeviceId => deviceId;

    public TaskCompletionSource<WebSocket> DeviceSocket { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
