using Hangar.Data.Releases;

namespace Hangar.Server.Features.Releases;

/// <summary>
/// The data of <c>bundle_override.*</c> events: the override after the change. A change to its device list says how
/// many devices were added, or which one was removed.
/// </summary>
internal sealed record BundleOverrideEventData(string Name, Guid BundleId, DateTime StartsAt, DateTime? EndsAt, int? DevicesAdded = null, Guid? DeviceRemoved = null)
{
    public static BundleOverrideEventData Of(BundleOverride bundleOverride, int? devicesAdded = null, Guid? deviceRemoved = null) =>
        new(bundleOverride.Name, bundleOverride.BundleId, bundleOverride.StartsAt, bundleOverride.EndsAt, devicesAdded, deviceRemoved);
}
