namespace Hangar.Data.Devices;

/// <summary>
/// An X.509 certificate a device authenticates with. The SHA-256 fingerprint of the whole certificate identifies it
/// on the device listener, across organizations, so it is unique in the whole database.
/// </summary>
public sealed class DeviceCertificate : IOrganizationOwned
{
    public required Guid Id { get; init; }
    public required Guid OrganizationId { get; init; }
    public required Guid DeviceId { get; init; }

    /// <summary>Lowercase hex SHA-256 of the DER certificate.</summary>
    public required string Fingerprint { get; init; }

    /// <summary>Lowercase hex SHA-256 of the SubjectPublicKeyInfo.</summary>
    public required string SpkiHash { get; init; }

    public required string Serial { get; init; }
    public required string Subject { get; init; }
    public required string Issuer { get; init; }
    public required DateTime NotBefore { get; init; }
    public required DateTime NotAfter { get; init; }
    public required string Pem { get; init; }
    public CertificateStatus Status { get; set; }
    public DateTime? RevokedAt { get; set; }

    /// <summary>The CA that provisioned it just in time, if it came that way.</summary>
    public Guid? CaCertificateId { get; init; }

    public required DateTime CreatedAt { get; init; }
    public required DateTime UpdatedAt { get; set; }
}
