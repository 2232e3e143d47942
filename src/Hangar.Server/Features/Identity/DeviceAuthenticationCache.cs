using System.Collections.Concurrent;
using Hangar.Server.Features.Devices;
using Hangar.Server.Hosting.Cluster;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Identity;

/// <summary>
/// Successful certificate → device results, so that a device's reconnects cost no database read. Entries expire
/// absolutely (never sliding: a certificate in steady use must still be re-checked) and are evicted at once when a
/// certificate is revoked or its device deleted — on every node: evictions go through the <see cref="IClusterSignal"/>,
/// and a node that may have missed some forgets every entry. Only successes are cached, so a newly registered
/// certificate works on its first connection. A quarantine changes nothing here: a quarantined device still
/// authenticates (each request reads its quarantine from the database).
/// </summary>
internal sealed class DeviceAuthenticationCache : IRevokedCertificateCaches
{
    private const string Topic = "device-authentication";
    private const string CertificateKey = "certificate:";
    private const string DeviceKey = "device:";

    private readonly ConcurrentDictionary<string, (DeviceIdentity Identity, long ExpiresAt)> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly IOptions<DeviceIdentityOptions> _options;
    private readonly IClusterSignal _cluster;
    private long _generation;

    public DeviceAuthenticationCache(TimeProvider time, IOptions<DeviceIdentityOptions> options, IClusterSignal cluster)
    {
        _time = time;
        _options = options;
        _cluster = cluster;
        // Lives as long as the cache (a singleton): nothing to unsubscribe.
        cluster.Subscribe(Topic, Changed);
    }

    /// <summary>Taken before the database read that produces an entry; <see cref="Store"/> refuses the entry if an eviction happened since.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGet(string fingerprint, out DeviceIdentity identity)
    {
        if (_entries.TryGetValue(fingerprint, out var entry) && _time.GetTimestamp() < entry.ExpiresAt)
        {
            identity = entry.Identity;
            return true;
        }

        identity = null!;
        return false;
    }

    public void Store(string fingerprint, DeviceIdentity identity, long generation)
    {
        if (_entries.Count >= _options.Value.AuthenticationCacheSize)
        {
            _entries.Clear();
        }

        var expiresAt = _time.GetTimestamp() + (long)(_options.Value.AuthenticationCacheSeconds * _time.TimestampFrequency);
        _entries[fingerprint] = (identity, expiresAt);
        // A revoke that ran between our database read and now must win: drop what we just stored.
        if (Generation != generation)
        {
            _entries.TryRemove(fingerprint, out _);
        }
    }

    /// <summary>After the change committed: evicts here at once, then on the other nodes.</summary>
    public async Task EvictAsync(IEnumerable<string> fingerprints, CancellationToken cancellationToken)
    {
        foreach (var fingerprint in fingerprints)
        {
            await _cluster.PublishAsync(Topic, CertificateKey + fingerprint, cancellationToken);
        }
    }

    /// <summary>For changes that affect devices rather than one certificate (a device deleted).</summary>
    public async Task EvictDevicesAsync(IReadOnlyCollection<Guid> deviceIds, CancellationToken cancellationToken)
    {
        foreach (var deviceId in deviceIds)
        {
            await _cluster.PublishAsync(Topic, DeviceKey + deviceId, cancellationToken);
        }
    }

    private void Changed(string? key)
    {
        Interlocked.Increment(ref _generation);
        if (key is null)
        {
            _entries.Clear();
        }
        else if (key.StartsWith(CertificateKey, StringComparison.Ordinal))
        {
            _entries.TryRemove(key[CertificateKey.Length..], out _);
        }
        else if (key.StartsWith(DeviceKey, StringComparison.Ordinal) && Guid.TryParse(key.AsSpan(DeviceKey.Length), out var deviceId))
        {
            foreach (var (fingerprint, entry) in _entries)
            {
                if (entry.Identity.DeviceId == deviceId)
                {
                    _entries.TryRemove(fingerprint, out _);
                }
            }
        }
    }
}
