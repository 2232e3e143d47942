namespace Hangar.Contracts.Fleet;

/// <summary>One cohort's devices (<c>CohortId</c> null: the product's devices in no cohort) and what they report running.</summary>
public sealed record FleetCohortSummaryResponse(
    Guid ProductId,
    string ProductName,
    Guid? CohortId,
    string? CohortName,
    long Devices,
    IReadOnlyList<FleetReleaseCountResponse> Releases,
    IReadOnlyList<FleetVersionCountResponse> Versions);
