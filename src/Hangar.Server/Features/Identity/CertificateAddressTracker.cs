using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Identity;

/// <summary>
/// The address each registered certificate was last used from on this node, to notice one certificate in use from
/// two addresses within <see cref="DeviceIdentityOptions.SharedCertificateWindowSeconds"/>. Bounded: when the map is
/// full of live entries, certificates not yet in it are not tracked until entries age out (memory never grows past
/// <see cref="DeviceIdentityOptions.SharedCertificateTrackerSize"/>).
/// </summary>
internal sealed class CertificateAddressTracker(TimeProvider time, IOptions<DeviceIdentityOptions> options)
{
    private readonly ConcurrentDictionary<Guid, (string Address, long SeenAt)> _lastSeen = new();
    private long _lastSweep;

    /// <summary>
    /// Notes a use of <paramref name="certificateId"/> from <paramref name="address"/>; returns the other address it
    /// was used from within the window, if any. A use that <paramref name="takeOver"/> is false for (a denied one)
    /// leaves the first address in place, so the legitimate holder keeps its connection.
    /// </summary>
    public string? Observe(Guid certificateId, string address, bool takeOver)
    {
        var now = time.GetTimestamp();
        var window = (long)(options.Value.SharedCertificateWindowSeconds * time.TimestampFrequency);
        string? other = null;
        if (_lastSeen.TryGetValue(certificateId, out var seen) && seen.Address != address && now - seen.SeenAt < window)
        {
            other = seen.Address;
            if (!takeOver)
            {
                return other;
            }
        }

        if (_lastSeen.Count < options.Value.SharedCertificateTrackerSize || _lastSeen.ContainsKey(certificateId) || Sweep(now, window))
        {
            _lastSeen[certificateId] = (address, now);
        }

        return other;
    }

    /// <summary>Drops entries older than the window, at most once a second.</summary>
    private bool Sweep(long now, long window)
    {
        var last = Interlocked.Read(ref _lastSweep);
        if (now - last >= time.TimestampFrequency && Interlocked.CompareExchange(ref _lastSweep, now, last) == last)
        {
            foreach (var (key, seen) in _lastSeen)
            {
                if (now - seen.SeenAt >= window)
                {
                    _lastSeen.TryRemove(KeyValuePair.Create(key, seen));
                }
            }
        }

        return _lastSeen.Count < options.Value.SharedCertificateTrackerSize;
    }
}
