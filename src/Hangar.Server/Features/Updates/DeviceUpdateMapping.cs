using Hangar.Contracts.Updates;
using Hangar.Core.Releases;
using Hangar.Core.Resources;
using Hangar.Data.Releases;

namespace Hangar.Server.Features.Updates;

internal static class DeviceUpdateMapping
{
    public static DeviceUpdateResponse ToResponse(this DeviceUpdate update, bool duplicate) => new(
        update.Id,
        ResourceName.Format(update.OrganizationId, ResourceTypes.DeviceUpdate, update.Id),
        update.DeviceId,
        update.ReleaseId,
        update.BundleOverrideId,
        update.BundleId,
        update.State.ToWire(),
        update.Attempt,
        update.Progress,
        update.LogTail,
        update.Reason,
        update.Retryable,
        update.OfferedAt,
        update.FinishedAt,
        update.UpdatedAt,
        duplicate);
}
