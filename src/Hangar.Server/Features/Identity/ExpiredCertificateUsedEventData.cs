namespace Hangar.Server.Features.Identity;

/// <summary>The data of <c>device.expired_certificate_used</c>: an expired registered certificate authenticated within its grace period.</summary>
internal sealed record ExpiredCertificateUsedEventData(string? IpAddress, RefusedCertificate Certificate, Guid CertificateId, DateTime ExpiredAt, DateTime GraceEndsAt);
