using Hangar.Data.DeviceHealth;

namespace Hangar.Data.Devices;

/// <summary>
/// One device of the fleet. Its identifier is the common name of its certificates. The reported fields are the
/// server's record of what the device last said it runs; only the device protocol writes them.
/// </summary>
public sealed class Device : IOrganizationOwned
{
    public required Guid Id { get; init; }
    public required Guid OrganizationId { get; init; }
    public required string Identifier { get; init; }
    public string? Description { get; set; }
    public required Guid ProductId { get; set; }
    public Guid? CohortId { get; set; }
    public string? Target { get; set; }
    public bool Quarantined { get; set; }
    public DateTime? LastConnectedAt { get; set; }
    public Guid? ReportedReleaseId { get; set; }
    public Guid? ReportedBundleId { get; set; }
    public string? ReportedReleaseVersion { get; set; }

    /// <summary>
    /// Presence, written only by the control socket (batched, see <c>PresenceWriter</c>): whether a node holds the
    /// device's socket now, since when, when the node last vouched for it, from where, and which node.
    /// </summary>
    public bool Online { get; set; }
    public DateTime? ConnectedAt { get; set; }
    public DateTime? LastSeenAt { get; set; }
    public string? RemoteAddress { get; set; }
    public string? PresenceNode { get; set; }

    /// <summary>
    /// Health, written only by the health evaluator: null while the device's product has no enabled health rule (or
    /// the device is quarantined, or not evaluated yet), else whether it fails none of them (<see cref="HealthFailures"/>).
    /// </summary>
    public bool? Healthy { get; set; }
    public List<DeviceHealthFailure> HealthFailures { get; init; } = [];
    public List<DeviceTag> Tags { get; init; } = [];
    public required DateTime CreatedAt { get; init; }
    public required DateTime UpdatedAt { get; set; }
}
