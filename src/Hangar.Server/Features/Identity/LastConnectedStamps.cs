using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Identity;

/// <summary>
/// When this node last stamped a device's <c>last_connected_at</c>, so that a chatty device costs no database
/// statement at all in between. The conditional UPDATE alone would write at most once a minute, but even when it
/// matches nothing it is a write transaction: on SQLite it takes the database's single write lock on every request.
/// </summary>
internal sealed class LastConnectedStamps(TimeProvider time, IOptions<DeviceIdentityOptions> options)
{
    private readonly ConcurrentDictionary<Guid, long> _stampedAt = new();

    /// <summary>True when the device was not stamped by this node within <paramref name="resolution"/>; it then counts as stamped now.</summary>
    public bool TryStamp(Guid deviceId, TimeSpan resolution)
    {
        var now = time.GetTimestamp();
        if (_stampedAt.TryGetValue(deviceId, out var at) && time.GetElapsedTime(at, now) < resolution)
        {
            return false;
        }

        if (_stampedAt.Count >= options.Value.AuthenticationCacheSize)
        {
            _stampedAt.Clear();
        }

        _stampedAt[deviceId] = now;
        return true;
    }
}
