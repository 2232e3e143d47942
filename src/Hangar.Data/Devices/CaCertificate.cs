namespace Hangar.Data.Devices;

/// <summary>
/// A CA an organization proved it holds the key of. Devices whose certificates it signed may be provisioned just in
/// time. A CA key belongs to one organization only (its SPKI hash is unique in the whole database).
/// </summary>
public sealed class CaCertificate : IOrganizationOwned
{
    public required Guid Id { get; init; }
    public required Guid OrganizationId { get; init; }
    public required string Fingerprint { get; init; }
    public required string SpkiHash { get; init; }
    public required string Serial { get; init; }
    public required string Subject { get; init; }
    public required string Issuer { get; init; }
    public required DateTime NotBefore { get; init; }
    public required DateTime NotAfter { get; init; }
    public required string Pem { get; init; }

    /// <summary>For an intermediate CA: its issuers up to and including the self-signed root, as PEM blocks.</summary>
    public string? ChainPem { get; init; }

    public string? Description { get; set; }
    public bool Enabled { get; set; } = true;
    public bool JitpEnabled { get; set; }
    public Guid? JitpProductId { get; set; }
    public Guid? JitpCohortId { get; set; }

    /// <summary>Newline-separated; tags cannot contain whitespace.</summary>
    public string? JitpTags { get; set; }

    public string? JitpTarget { get; set; }
    public string? JitpDescription { get; set; }
    public required DateTime CreatedAt { get; init; }
    public required DateTime UpdatedAt { get; set; }
}
