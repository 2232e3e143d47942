namespace Hangar.Server.Features.Identity;

/// <summary>The data of <c>device.authentication_failed</c>: why, from where, which certificate, and the device or CA it concerns.</summary>
internal sealed record AuthenticationFailedEventData(
    string Reason, string? IpAddress, RefusedCertificate Certificate, Guid? DeviceId, Guid? CaCertificateId);
