namespace Hangar.Server.Features.Firmware;

/// <summary>
/// A cache holding bundles' signatures (the update check's manifests), told after a signing key's revocation committed
/// which bundles carried the key's signatures (on every node). Declared here so that firmware depends on no feature built on it.
/// </summary>
internal interface IRevokedSignatureCaches
{
    Task ForgetAsync(IEnumerable<Guid> bundleIds, CancellationToken cancellationToken);
}
