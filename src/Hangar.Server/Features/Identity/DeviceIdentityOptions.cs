using System.ComponentModel.DataAnnotations;

namespace Hangar.Server.Features.Identity;

/// <summary>Device authentication settings (section <c>DeviceIdentity</c>).</summary>
internal sealed class DeviceIdentityOptions
{
    public const string Section = "DeviceIdentity";

    /// <summary>How long a successful certificate check is reused. Revocation through the API evicts at once; this bounds other servers.</summary>
    [Range(0, 300)]
    public int AuthenticationCacheSeconds { get; set; } = 30;

    [Range(1, 10_000_000)]
    public int AuthenticationCacheSize { get; set; } = 100_000;

    /// <summary>
    /// How many (certificate, reason) pairs the <c>device.authentication_failed</c> throttle remembers for its minute;
    /// beyond that, failures are only logged.
    /// </summary>
    [Range(1, 1_000_000)]
    public int AuthenticationFailureEventCacheSize { get; set; } = 10_000;

    /// <summary>Most certificates in a device chain, leaf and root included.</summary>
    [Range(2, 10)]
    public int MaxChainDepth { get; set; } = 5;

    /// <summary>
    /// A device's <c>last_connected_at</c> is written at most this often, however chatty the device is: each write is a
    /// database commit, so large fleets may raise it.
    /// </summary>
    [Range(1, 86_400)]
    public int LastConnectedWriteSeconds { get; set; } = 60;

    /// <summary>
    /// How far in the future a certificate's notBefore may lie and still be accepted: a device's clock, or the clock
    /// of the CA that issued a certificate minutes ago, is rarely exact.
    /// </summary>
    [Range(0, 3600)]
    public int ClockSkewSeconds { get; set; } = 300;

    /// <summary>
    /// How long after its notAfter a registered certificate still authenticates (each such use is flagged with a
    /// <c>device.expired_certificate_used</c> event). 0 refuses expired certificates at once; the bound keeps a
    /// forgotten certificate from working forever.
    /// </summary>
    [Range(0, 90)]
    public int ExpiredCertificateGraceDays { get; set; } = 7;

    /// <summary>What happens when one certificate is used from two addresses within <see cref="SharedCertificateWindowSeconds"/>.</summary>
    public SharedCertificatePolicy SharedCertificatePolicy { get; set; } = SharedCertificatePolicy.Flag;

    /// <summary>Two addresses using one certificate within this window count as simultaneous use.</summary>
    [Range(1, 86_400)]
    public int SharedCertificateWindowSeconds { get; set; } = 300;

    /// <summary>How many certificates' last addresses each node remembers for the shared-certificate check.</summary>
    [Range(1, 10_000_000)]
    public int SharedCertificateTrackerSize { get; set; } = 100_000;

    [Range(1, 10080)]
    public int VerificationCodeLifetimeMinutes { get; set; } = 60;

    /// <summary>
    /// Read the device's certificate from <see cref="ForwardedCertificateHeader"/> on connections from
    /// <c>Server:TrustedProxies</c> (TLS-terminating proxies), and let the device listener's handshake go without a
    /// client certificate. Off (the default): the header is never read. An opt-in of its own, since a proxy trusted for
    /// <c>X-Forwarded-For</c> (or a TCP load balancer sharing its addresses) must not thereby vouch for device identities.
    /// </summary>
    public bool AcceptForwardedCertificates { get; set; }

    [Required]
    public string ForwardedCertificateHeader { get; set; } = "X-Client-Cert";
}
