namespace Hangar.Contracts.Fleet;

/// <summary>Devices reporting a release version (<c>Version</c> null: devices reporting none).</summary>
public sealed record FleetVersionCountResponse(string? Version, long Devices);
