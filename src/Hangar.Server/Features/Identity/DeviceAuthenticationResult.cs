namespace Hangar.Server.Features.Identity;

/// <summary>The device listener's verdict on a client certificate: an identity, or the reason it was refused.</summary>
internal sealed record DeviceAuthenticationResult(DeviceIdentity? Identity, string? Reason, Guid? OrganizationId = null)
{
    public static DeviceAuthenticationResult Success(DeviceIdentity identity) => new(identity, null, identity.OrganizationId);

    public static DeviceAuthenticationResult Refused(string reason, Guid? organizationId = null) => new(null, reason, organizationId);
}
