using Hangar.Core.Releases;

namespace Hangar.Data.Releases;

/// <summary>
/// One status report as the device sent it. The device chooses <see cref="ReportId"/> and re-sends the same id
/// until acknowledged, so a repeated report is recognised and answered without changing anything.
/// </summary>
public sealed class DeviceUpdateReport : IOrganizationOwned
{
    public required Guid DeviceId { get; init; }
    public required Guid ReportId { get; init; }
    public required Guid OrganizationId { get; init; }
    public required Guid DeviceUpdateId { get; init; }
    public required UpdateState State { get; init; }
    public int? Progress { get; init; }
    public required DateTime ReceivedAt { get; init; }
}
