using Hangar.Contracts.Audit;
using Hangar.Core.Resources;
using Hangar.Data.Audit;

namespace Hangar.Server.Features.Audit;

internal static class AuditMapping
{
    public static AuditEntryResponse ToResponse(this AuditEntry entry) => new(
        entry.Id,
        ResourceName.Format(entry.OrganizationId, ResourceTypes.AuditEntry, entry.Id),
        entry.Time,
        entry.ActorType,
        entry.ActorId,
        entry.ActorName,
        entry.Action,
        entry.ResourceType,
        entry.ResourceId,
        entry.Outcome,
        entry.StatusCode,
        entry.RequestId,
        entry.ClientAddress);
}
