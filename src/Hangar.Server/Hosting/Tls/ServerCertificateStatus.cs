namespace Hangar.Server.Hosting.Tls;

internal enum ServerCertificateStatus
{
    Valid,
    /// <summary>Within <c>Tls:ExpiryWarningDays</c> of its expiry.</summary>
    Expiring,
    Expired,
}
