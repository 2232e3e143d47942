namespace Hangar.Server.Features.Identity;

/// <summary>
/// The device listener's verdict on a client certificate: an identity, or the reason it was refused. A refusal names
/// the organization (and the device or CA) only when the certificate proved it belongs there: a registered
/// certificate, or a signature that verifies under a registered CA. A mere issuer name proves nothing.
/// </summary>
/// <see cref="ExpiredInGrace"/> marks a success of an expired registered certificate within its grace period.
internal sealed record DeviceAuthenticationResult(
    DeviceIdentity? Identity, string? Reason, Guid? OrganizationId = null, Guid? DeviceId = null, Guid? CaCertificateId = null, bool ExpiredInGrace = false)
{
    public static DeviceAuthenticationResult Success(DeviceIdentity identity, bool expiredInGrace = false) =>
        new(identity, null, identity.OrganizationId, identity.DeviceId, ExpiredInGrace: expiredInGrace);

    public static DeviceAuthenticationResult Refused(string reason) => new(null, reason);

    public static DeviceAuthenticationResult Refused(string reason, Guid organizationId, Guid? deviceId, Guid? caCertificateId) =>
        new(null, reason, organizationId, deviceId, caCertificateId);
}
