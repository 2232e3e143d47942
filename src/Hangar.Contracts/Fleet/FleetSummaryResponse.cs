namespace Hangar.Contracts.Fleet;

/// <summary>
/// The caller's organization's fleet at a glance, optionally narrowed to one product or cohort: device counts by
/// state, what each cohort reports running, update outcomes per release and each release's adoption over time.
/// </summary>
public sealed record FleetSummaryResponse(
    Guid? ProductId,
    Guid? CohortId,
    DateTime GeneratedAt,
    FleetDeviceCountsResponse Devices,
    IReadOnlyList<FleetCohortSummaryResponse> Cohorts,
    IReadOnlyList<FleetReleaseOutcomesResponse> Releases,
    FleetAdoptionResponse Adoption);
