using System.Collections.Concurrent;

namespace Hangar.Server.Features.Tunnels;

/// <summary>
/// This node's relayed connections: those waiting for the agent's data socket, by connection id, and those pumping,
/// by tunnel, so that a close, a TTL or a revocation ends all of a tunnel's connections at once.
/// </summary>
internal sealed class TunnelRelay
{
    private readonly ConcurrentDictionary<Guid, PendingConnection> _pending = new();
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, CancellationTokenSource>> _active = new();

    public int ConnectionCount => _active.Values.Sum(c => c.Count);

    /// <summary>The tunnels with a connection on this node.</summary>
    public IReadOnlyCollection<Guid> ActiveTunnels => _active.Where(a => !a.Value.IsEmpty).Select(a => a.Key).ToList();

    public PendingConnection Expect(Guid tunnelId, Guid deviceId)
    {
        var pending = new PendingConnection(Guid.CreateVersion7(), tunnelId, deviceId);
        _pending[pending.ConnectionId] = pending;
        return pending;
    }

    /// <summary>The connection the agent's data socket names, if it is this device's and still waiting.</summary>
    public PendingConnection? Claim(Guid connectionId, Guid deviceId) =>
        _pending.TryGetValue(connectionId, out var pending) && pending.DeviceId == deviceId && _pending.TryRemove(connectionId, out _) ? pending : null;

    /// <summary>The agent could not reach the device port: the waiting user is answered at once.</summary>
    public void Refuse(Guid connectionId, string? message)
    {
        if (_pending.TryRemove(connectionId, out var pending))
        {
            pending.DeviceSocket.TrySetException(new TunnelConnectRefusedException(message ?? "the agent refused the connection"));
        }
    }

    public void Forget(PendingConnection pending) => _pending.TryRemove(pending.ConnectionId, out _);

    /// <summary>Counts a connection in, unless the tunnel already has <paramref name="max"/> on this node.</summary>
    public bool TryTrack(Guid tunnelId, Guid connectionId, CancellationTokenSource stop, int max)
    {
        var connections = _active.GetOrAdd(tunnelId, _ => new ConcurrentDictionary<Guid, CancellationTokenSource>());
        lock (connections)
        {
            return connections.Count < max && connections.TryAdd(connectionId, stop);
        }
    }

    public void Untrack(Guid tunnelId, Guid connectionId)
    {
        if (_active.TryGetValue(tunnelId, out var connections))
        {
            connections.TryRemove(connectionId, out _);
        }
    }

    /// <summary>Ends every connection of the tunnel on this node, and refuses those still waiting.</summary>
    public void Drop(Guid tunnelId)
    {
        foreach (var pending in _pending.Values.Where(p => p.TunnelId == tunnelId))
        {
            Refuse(pending.ConnectionId, "the tunnel closed");
        }

        if (_active.TryRemove(tunnelId, out var connections))
        {
            foreach (var stop in connections.Values)
            {
                stop.Cancel();
            }
        }
    }
}
