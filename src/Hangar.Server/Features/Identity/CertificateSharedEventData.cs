namespace Hangar.Server.Features.Identity;

/// <summary>
/// The data of <c>device.certificate_shared</c>: the address that used the certificate now, the other address that
/// used it within the window, and what the policy did (<c>flag</c>: both served; <c>deny</c>: this one refused).
/// </summary>
internal sealed record CertificateSharedEventData(string IpAddress, string OtherIpAddress, string Policy, RefusedCertificate Certificate, Guid CertificateId);
