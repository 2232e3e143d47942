using Hangar.Testing;

namespace Hangar.Server.Tests.Fixtures;

/// <summary>
/// A server with a fake clock for the device identity policies: certificates may also arrive through the forwarded
/// header from 127.0.0.1 (a test client's TLS stack refuses to present weak keys itself, an attacker's does not),
/// and a certificate shared between addresses is denied rather than flagged.
/// </summary>
public abstract class IdentityPolicyServer(DatabaseKind database) : ClockServer(database)
{
    protected override IReadOnlyDictionary<string, string?> Settings(Dictionary<string, string?> defaults)
    {
        defaults["Server:TrustedProxies:0"] = "127.0.0.1";
        defaults["DeviceIdentity:AcceptForwardedCertificates"] = "true";
        defaults["DeviceIdentity:SharedCertificatePolicy"] = "Deny";
        return defaults;
    }
}
