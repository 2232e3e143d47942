using Hangar.Contracts.DeviceHealth;

namespace Hangar.Contracts.Devices;

/// <summary>A device. The reported fields are what the device last said it runs; only the device protocol sets them; presence only the control socket; health only the health evaluator.</summary>
public sealed record DeviceResponse(
    Guid Id,
    string Hrn,
    string Identifier,
    string? Description,
    Guid ProductId,
    Guid? CohortId,
    IReadOnlyList<string> Tags,
    string? Target,
    bool Quarantined,
    DateTime? LastConnectedAt,
    Guid? ReportedReleaseId,
    Guid? ReportedBundleId,
    string? ReportedReleaseVersion,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DevicePresenceResponse Presence,
    DeviceHealthResponse? Health = null);
