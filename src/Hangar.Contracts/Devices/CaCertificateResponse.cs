namespace Hangar.Contracts.Devices;

/// <summary>A registered CA certificate. <see cref="Jitp"/> is null when just-in-time provisioning is off.</summary>
public sealed record CaCertificateResponse(
    Guid Id,
    string Hrn,
    string Fingerprint,
    string SpkiHash,
    string Serial,
    string Subject,
    string Issuer,
    DateTime NotBefore,
    DateTime NotAfter,
    string? Description,
    bool Enabled,
    JitpResponse? Jitp,
    DateTime CreatedAt,
    DateTime UpdatedAt);
