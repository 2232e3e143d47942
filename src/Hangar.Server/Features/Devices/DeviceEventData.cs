using Hangar.Data.Devices;

namespace Hangar.Server.Features.Devices;

/// <summary>The data of <c>device.*</c> events: the device as it is after the change (as it was, for deletions).</summary>
internal sealed record DeviceEventData(string Identifier, Guid ProductId, Guid? CohortId, IReadOnlyList<string> Tags, string? Target, bool Quarantined)
{
    public static DeviceEventData Of(Device device) =>
        new(device.Identifier, device.ProductId, device.CohortId, [.. device.Tags.Select(t => t.Value).Order(StringComparer.Ordinal)], device.Target, device.Quarantined);
}
