using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Identity;

/// <summary>
/// Keeps a refused certificate from becoming a write amplifier: at most one <c>device.authentication_failed</c>
/// event per (certificate fingerprint, reason) per minute on this node, in a bounded map. When the map is full of
/// live entries, new pairs are refused (only logged) rather than evicting, so a flood cannot buy itself more writes.
/// </summary>
internal sealed class AuthenticationFailureThrottle(TimeProvider time, IOptions<DeviceIdentityOptions> options)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<(string Fingerprint, string Reason), long> _heldUntil = new();
    private long _lastSweep;

    /// <summary>
    /// True when this failure should be recorded; it then holds the pair for <paramref name="window"/> (default
    /// <see cref="Window"/>). Flagged uses of a certificate that is let in (<see cref="CertificateUseRecorder"/>) share
    /// the map under their own reasons, with a longer window.
    /// </summary>
    public bool TryClaim(string fingerprint, string reason, TimeSpan? window = null)
    {
        var now = time.GetTimestamp();
        var until = now + (long)((window ?? Window).TotalSeconds * time.TimestampFrequency);
        var key = (fingerprint, reason);
        while (true)
        {
            if (_heldUntil.TryGetValue(key, out var held))
            {
                if (now < held)
                {
                    return false;
                }

                if (_heldUntil.TryUpdate(key, until, held))
                {
                    return true;
                }
            }
            else
            {
                if (_heldUntil.Count >= options.Value.AuthenticationFailureEventCacheSize && !Sweep(now))
                {
                    return false;
                }

                if (_heldUntil.TryAdd(key, until))
                {
                    return true;
                }
            }
        }
    }

    /// <summary>Drops expired pairs, at most once a second: a full map under a flood must not cost a scan per request.</summary>
    private bool Sweep(long now)
    {
        var last = Interlocked.Read(ref _lastSweep);
        if (now - last >= time.TimestampFrequency && Interlocked.CompareExchange(ref _lastSweep, now, last) == last)
        {
            foreach (var (key, held) in _heldUntil)
            {
                if (held <= now)
                {
                    _heldUntil.TryRemove(KeyValuePair.Create(key, held));
                }
            }
        }

        return _heldUntil.Count < options.Value.AuthenticationFailureEventCacheSize;
    }
}
