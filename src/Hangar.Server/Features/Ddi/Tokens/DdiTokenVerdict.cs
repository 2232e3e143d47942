using Hangar.Server.Features.Identity;

namespace Hangar.Server.Features.Ddi.Tokens;

/// <summary>
/// What a presented DDI token proved: the device (and the token row that proved it), or why not; a refused token that
/// is one of an organization's own names that organization and the token's resource, for its event.
/// </summary>
internal sealed record DdiTokenVerdict(
    DeviceIdentity? Identity, Guid CredentialId, string? Reason, Guid? TokenOrganizationId = null, string? ResourceType = null, Guid? TokenResourceId = null)
{
    public static DdiTokenVerdict Proved(DeviceIdentity identity, Guid credentialId) => new(identity, credentialId, null);

    public static DdiTokenVerdict Refused(string reason) => new(null, Guid.Empty, reason);

    public static DdiTokenVerdict RefusedOwn(string reason, Guid organizationId, string resourceType, Guid resourceId) =>
        new(null, Guid.Empty, reason, organizationId, resourceType, resourceId);
}
