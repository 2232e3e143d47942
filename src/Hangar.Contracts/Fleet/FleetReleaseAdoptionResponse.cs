namespace Hangar.Contracts.Fleet;

/// <summary>One release's adoption, one entry per day of the window.</summary>
public sealed record FleetReleaseAdoptionResponse(Guid ReleaseId, string ReleaseName, IReadOnlyList<FleetAdoptionDayResponse> Days);
