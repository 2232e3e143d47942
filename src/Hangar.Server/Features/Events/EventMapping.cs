using System.Text.Json;
using Hangar.Contracts.Events;
using Hangar.Core.Resources;
using Hangar.Data.Events;

namespace Hangar.Server.Features.Events;

internal static class EventMapping
{
    public static EventResponse ToResponse(this Event evt)
    {
        using var data = JsonDocument.Parse(evt.Data);
        return new EventResponse(
            evt.Id,
            ResourceName.Format(evt.OrganizationId, ResourceTypes.Event, evt.Id),
            evt.Type,
            evt.Time,
            evt.ActorType,
            evt.ActorId,
            evt.ActorName,
            evt.ResourceType,
            evt.ResourceId,
            ResourceName.Format(evt.OrganizationId, evt.ResourceType, evt.ResourceId),
            data.RootElement.Clone());
    }
}
