namespace Hangar.Server.Features.Identity;

/// <summary>Why a certificate may not identify a device: the reason code the device listener logs and records, and a sentence for API errors.</summary>
internal sealed record CertificateRefusal(string Reason, string Detail);
