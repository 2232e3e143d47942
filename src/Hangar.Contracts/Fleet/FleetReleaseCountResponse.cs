namespace Hangar.Contracts.Fleet;

/// <summary>Devices reporting a release (<c>ReleaseId</c> null: devices reporting none).</summary>
public sealed record FleetReleaseCountResponse(Guid? ReleaseId, string? ReleaseName, long Devices);
