namespace Hangar.Server.Hosting.Authentication;

/// <summary>
/// The claims every Hangar principal carries, whatever proved it: what authorization and the rate limiter read, so
/// neither needs to know which scheme (API key, session, device certificate) authenticated the request.
/// </summary>
internal static class HangarClaims
{
    /// <summary>The organization the principal acts in; the request's tenant.</summary>
    public const string Organization = "hangar:organization";

    /// <summary>The credential that was presented: an API key, a session or a device certificate id.</summary>
    public const string Credential = "hangar:credential";

    /// <summary>Present on devices only: the device the certificate belongs to.</summary>
    public const string Device = "hangar:device";
}
