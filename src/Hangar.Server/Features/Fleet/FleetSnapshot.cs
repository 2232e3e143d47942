namespace Hangar.Server.Features.Fleet;

/// <summary>
/// The fleet as the gauges show it, computed by one background query and swapped whole, so a scrape reads memory
/// only. Every list is already capped (top groups and releases, the rest as "other").
/// </summary>
internal sealed record FleetSnapshot(
    IReadOnlyList<FleetDeviceGroup> Devices,
    IReadOnlyList<FleetReleaseDevices> ReleaseDevices,
    IReadOnlyList<FleetReleaseOutcome> ReleaseOutcomes)
{
    public static FleetSnapshot Empty { get; } = new([], [], []);
}
