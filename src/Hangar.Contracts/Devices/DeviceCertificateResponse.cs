namespace Hangar.Contracts.Devices;

/// <summary>A device's X.509 certificate. <see cref="Status"/> is <c>active</c> or <c>revoked</c>.</summary>
public sealed record DeviceCertificateResponse(
    Guid Id,
    string Hrn,
    Guid DeviceId,
    string Fingerprint,
    string SpkiHash,
    string Serial,
    string Subject,
    string Issuer,
    DateTime NotBefore,
    DateTime NotAfter,
    string Status,
    DateTime? RevokedAt,
    Guid? CaCertificateId,
    DateTime CreatedAt,
    DateTime UpdatedAt);
