namespace Hangar.Server.Features.Fleet;

/// <summary>Devices of one (organization, product, cohort) in one state.</summary>
internal sealed record FleetDeviceGroup(string Organization, string Product, string Cohort, string State, long Count);
