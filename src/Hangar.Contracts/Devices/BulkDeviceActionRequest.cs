namespace Hangar.Contracts.Devices;

/// <summary>
/// One action on many devices, chosen by <see cref="DeviceIds"/> or by <see cref="Search"/> (exactly one of them).
/// </summary>
/// <param name="Action">move_cohort, add_tags, remove_tags, quarantine or unquarantine.</param>
/// <param name="DeviceIds">Up to 1,000 ids or resource names.</param>
/// <param name="Search">A device search; it must match at most 1,000 devices.</param>
/// <param name="CohortId">For move_cohort: the cohort (of each device's product), or empty to take devices out of their cohort.</param>
/// <param name="Tags">For add_tags and remove_tags.</param>
public sealed record BulkDeviceActionRequest(
    string Action,
    IReadOnlyList<string>? DeviceIds = null,
    string? Search = null,
    string? CohortId = null,
    IReadOnlyList<string>? Tags = null);
