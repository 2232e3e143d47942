namespace Hangar.Contracts.Devices;

/// <summary>What the device listener knows about the device that is calling.</summary>
public sealed record DeviceIdentityResponse(
    Guid Id,
    string Hrn,
    string Identifier,
    Guid OrganizationId,
    Guid ProductId,
    Guid? CohortId,
    IReadOnlyList<string> Tags,
    string? Target,
    bool Quarantined,
    Guid CertificateId);
