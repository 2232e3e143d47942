namespace Hangar.Contracts.Fleet;

/// <summary>Adoption of each release that any device committed, in UTC days from <c>From</c> to <c>To</c> (both included).</summary>
public sealed record FleetAdoptionResponse(DateTime From, DateTime To, IReadOnlyList<FleetReleaseAdoptionResponse> Releases);
