using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Identity;

/// <summary>
/// Successful certificate → device results, so that a device's reconnects cost no database read. Entries expire
/// absolutely (never sliding: a certificate in steady use must still be re-checked) and are evicted at once when a
/// certificate is revoked or its device deleted. Only successes are cached, so a newly registered certificate works
/// on its first connection.
/// </summary>
internal sealed class DeviceAuthenticationCache(TimeProvider time, IOptions<DeviceIdentityOptions> options)
{
    private readonly ConcurrentDictionary<string, (DeviceIdentity Identity, long ExpiresAt)> _entries = new(StringComparer.Ordinal);
    private long _generation;

    /// <summary>Taken before the database read that produces an entry; <see cref="Store"/> refuses the entry if an eviction happened since.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGet(string fingerprint, out DeviceIdentity identity)
    {
        if (_entries.TryGetValue(fingerprint, out var entry) && time.GetTimestamp() < entry.ExpiresAt)
        {
            identity = entry.Identity;
            return true;
        }

        identity = null!;
        return false;
    }

    public void Store(string fingerprint, DeviceIdentity identity, long generation)
    {
        if (_entries.Count >= options.Value.AuthenticationCacheSize)
        {
            _entries.Clear();
        }

        var expiresAt = time.GetTimestamp() + (long)(options.Value.AuthenticationCacheSeconds * time.TimestampFrequency);
        _entries[fingerprint] = (identity, expiresAt);
        // A revoke that ran between our database read and now must win: drop what we just stored.
        if (Generation != generation)
        {
            _entries.TryRemove(fingerprint, out _);
        }
    }

    public void Evict(IEnumerable<string> fingerprints)
    {
        Interlocked.Increment(ref _generation);
        foreach (var fingerprint in fingerprints)
        {
            _entries.TryRemove(fingerprint, out _);
        }
    }

    /// <summary>For changes that affect devices rather than one certificate (device deleted, quarantine changed).</summary>
    public void EvictDevices(IReadOnlyCollection<Guid> deviceIds)
    {
        Interlocked.Increment(ref _generation);
        foreach (var (fingerprint, entry) in _entries)
        {
            if (deviceIds.Contains(entry.Identity.DeviceId))
            {
                _entries.TryRemove(fingerprint, out _);
            }
        }
    }
}
