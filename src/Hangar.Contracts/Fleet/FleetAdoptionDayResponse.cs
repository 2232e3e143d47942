namespace Hangar.Contracts.Fleet;

/// <summary>
/// One UTC day: the updates to the release that committed that day, and <c>Adopted</c>, every device that had committed
/// it by the day's end (a device that later moved on still counts: this is uptake, not what runs now).
/// </summary>
public sealed record FleetAdoptionDayResponse(DateTime Day, long Committed, long Adopted);
