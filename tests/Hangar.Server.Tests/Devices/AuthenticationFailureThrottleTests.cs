using Hangar.Server.Features.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Hangar.Server.Tests.Devices;

/// <summary>The in-memory bound on device.authentication_failed writes: per (certificate, reason), per minute, bounded size.</summary>
public sealed class AuthenticationFailureThrottleTests
{
    private readonly FakeTimeProvider _time = new(TimeProvider.System.GetUtcNow());

    [Fact]
    public void SamePair_IsClaimedOncePerMinute()
    {
        var throttle = Throttle(capacity: 100);

        Assert.True(throttle.TryClaim("f1", "certificate_revoked"));
        Assert.False(throttle.TryClaim("f1", "certificate_revoked"));
        _time.Advance(AuthenticationFailureThrottle.Window - TimeSpan.FromSeconds(1));
        Assert.False(throttle.TryClaim("f1", "certificate_revoked"));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(throttle.TryClaim("f1", "certificate_revoked"));
    }

    [Fact]
    public void OtherReasonOrCertificate_IsItsOwnPair()
    {
        var throttle = Throttle(capacity: 100);

        Assert.True(throttle.TryClaim("f1", "certificate_revoked"));
        Assert.True(throttle.TryClaim("f1", "ca_disabled"));
        Assert.True(throttle.TryClaim("f2", "certificate_revoked"));
    }

    [Fact]
    public void FullCache_RefusesNewPairs_UntilEntriesExpire()
    {
        var throttle = Throttle(capacity: 2);
        Assert.True(throttle.TryClaim("f1", "r"));
        Assert.True(throttle.TryClaim("f2", "r"));

        Assert.False(throttle.TryClaim("f3", "r"));
        _time.Advance(AuthenticationFailureThrottle.Window);
        Assert.True(throttle.TryClaim("f3", "r"));
        Assert.True(throttle.TryClaim("f4", "r"));
        Assert.False(throttle.TryClaim("f5", "r"));
    }

    private AuthenticationFailureThrottle Throttle(int capacity) =>
        new(_time, Options.Create(new DeviceIdentityOptions { AuthenticationFailureEventCacheSize = capacity }));
}
