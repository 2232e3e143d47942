namespace Hangar.Server.Features.Fleet;

/// <summary>Device updates of one release in one outcome.</summary>
internal sealed record FleetReleaseOutcome(FleetReleaseLabel Release, string Outcome, long Count);
