namespace Hangar.Server.Features.Devices;

/// <summary>
/// A cache that lets certificates authenticate without a database read, told after a device's deletion committed
/// which certificates went with it (on every node). Declared here so that the fleet depends on no feature built on it:
/// device identity implements it (<c>DeviceAuthenticationCache</c>).
/// </summary>
internal interface IRevokedCertificateCaches
{
    Task EvictAsync(IEnumerable<string> fingerprints, CancellationToken cancellationToken);
}
