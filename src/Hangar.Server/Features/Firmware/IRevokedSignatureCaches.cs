namespace Hangar.Server.Features.Firmware;

/// <summary>
/// A cache holding bundles' signatures (the update check's manifests), told after a signing key's revocation committed
/// which bundles carried the key's signatures. Declared here so that firmware depends on no feature built on it.
/// </summary>
internal interface IRevokedSignatureCaches
{
    void Forget(IEnumerable<Guid> bundleIds);
}
