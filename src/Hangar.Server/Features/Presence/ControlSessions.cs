using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Hangar.Server.Features.Presence;

/// <summary>
/// The control sessions this node holds, one per device: a newer socket of a device replaces the older one. Their
/// number is gauge <c>hangar.presence.sockets</c> (meter <c>Hangar.Presence</c>).
/// </summary>
internal sealed class ControlSessions
{
    public const string ReplacedReason = "replaced by a newer connection of this device";
    public const string MeterName = "Hangar.Presence";

    private readonly ConcurrentDictionary<Guid, ControlSession> _byDevice = new();

    public ControlSessions(IMeterFactory meters) =>
        meters.Create(MeterName).CreateObservableGauge("hangar.presence.sockets", () => Count, "{socket}",
            "Device control sockets open on this node.");

    public int Count => _byDevice.Count;

    public IEnumerable<ControlSession> All => _byDevice.Values;

    /// <summary>Makes <paramref name="session"/> the device's session; the one it replaces is told to end.</summary>
    public void Add(ControlSession session)
    {
        ControlSession? replaced = null;
        _byDevice.AddOrUpdate(session.DeviceId, session, (_, existing) =>
        {
            replaced = existing;
            return session;
        });
        replaced?.End(System.Net.WebSockets.WebSocketCloseStatus.PolicyViolation, ReplacedReason);
    }

    /// <summary>True when <paramref name="session"/> was still the device's session (not replaced by a newer one).</summary>
    public bool Remove(ControlSession session) => _byDevice.TryRemove(new KeyValuePair<Guid, ControlSession>(session.DeviceId, session));

    public ControlSession? Find(Guid deviceId) => _byDevice.TryGetValue(deviceId, out var session) ? session : null;
}
