namespace Hangar.Server.Features.Identity;

/// <summary>
/// What the device listener does when one certificate is in use from two addresses at once: a copied device key, or
/// a device that moved between networks (which is why denying is not the default).
/// </summary>
internal enum SharedCertificatePolicy
{
    /// <summary>Nothing is checked or recorded.</summary>
    Allow,

    /// <summary>Both connections are served and a throttled <c>device.certificate_shared</c> event is recorded.</summary>
    Flag,

    /// <summary>The second address is refused (<c>certificate_shared</c>) while the first one is in use; the event is recorded too.</summary>
    Deny,
}
