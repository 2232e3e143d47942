using System.Text.Json.Serialization;

namespace Hangar.Contracts.Fleet;

/// <summary>
/// Devices by state. <c>Online</c>: a node holds the device's control socket now. <c>OfflineOver24h</c>: not online and
/// neither connected nor seen for more than 24 hours (devices that never connected are counted apart).
/// <c>Quarantined</c> overlaps the others. <c>Unhealthy</c>: failing one of their product's health rules (overlaps too).
/// </summary>
public sealed record FleetDeviceCountsResponse(long Total, long Online, [property: JsonPropertyName("offline_over_24h")] long OfflineOver24h, long NeverConnected, long Quarantined, long Unhealthy = 0);
