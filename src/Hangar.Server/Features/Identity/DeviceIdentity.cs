namespace Hangar.Server.Features.Identity;

/// <summary>The authenticated caller of the device listener: which device, which organization, which certificate.</summary>
internal sealed record DeviceIdentity(Guid OrganizationId, Guid DeviceId, Guid CertificateId);
