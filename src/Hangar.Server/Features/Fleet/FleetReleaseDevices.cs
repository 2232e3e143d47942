namespace Hangar.Server.Features.Fleet;

/// <summary>Devices that report running one release.</summary>
internal sealed record FleetReleaseDevices(FleetReleaseLabel Release, long Count);
