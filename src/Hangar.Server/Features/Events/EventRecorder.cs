using System.Text.Json;
using Hangar.Data.Events;
using Hangar.Server.Hosting.Authentication;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Hangar.Server.Features.Events;

/// <summary>
/// Records domain events for the current unit of work. Events ride on the next <c>SaveChangesAsync</c> of the
/// request's DbContext (see <see cref="EventSaveChangesInterceptor"/>), so an event exists exactly when its change
/// committed. Call <see cref="Record"/> right before saving: the event's id and time are taken then, and the live
/// stream assumes the commit follows within <c>Events:StreamSettleMilliseconds</c>.
/// </summary>
/// <remarks>
/// Event data is ad hoc per event type (anonymous objects), so it is serialized with the API's options, whose
/// resolver chain falls back to reflection for types outside the wire contract.
/// </remarks>
internal sealed class EventRecorder(IHttpContextAccessor http, TimeProvider time, IOptions<JsonOptions> json)
{
    private readonly List<PendingEvent> _pending = [];
    private EventActor? _actor;

    /// <summary>Events added to a save that has not completed yet (<see cref="EventSaveChangesInterceptor"/>): a failed save restores them.</summary>
    internal List<PendingEvent> InFlight { get; } = [];

    /// <summary>Names who acts when there is no API caller (a device, the dispatcher). Defaults to the caller, else <c>system</c>.</summary>
    public void Actor(string type, Guid? id, string? name) => _actor = new EventActor(type, id, name);

    /// <summary>
    /// Records that <paramref name="type"/> (an <c>EventTypes</c> constant) happened to a resource. <paramref name="data"/>
    /// is serialized now, as snake_case JSON; keep it thin (ids, names, states) and never put secrets in it.
    /// The organization is the caller's unless given. Returns the event id.
    /// </summary>
    public Guid Record(string type, string resourceType, Guid resourceId, object? data = null, Guid? organizationId = null) =>
        Add(type, resourceType, resourceId, data, organizationId, publishToWebhooks: true);

    /// <summary>An event for the log and the stream only, not fanned out to webhooks (a test fire goes to one endpoint).</summary>
    public Event RecordUnpublished(string type, string resourceType, Guid resourceId, object? data = null)
    {
        Add(type, resourceType, resourceId, data, null, publishToWebhooks: false);
        return _pending[^1].Event;
    }

    /// <summary>Forgets the events recorded for a change that was abandoned (a save that lost a race the caller tolerates).</summary>
    public void DiscardPending() => _pending.Clear();

    internal List<PendingEvent> TakePending()
    {
        var taken = _pending.ToList();
        _pending.Clear();
        return taken;
    }

    internal void Restore(IEnumerable<PendingEvent> events) => _pending.InsertRange(0, events);

    private Guid Add(string type, string resourceType, Guid resourceId, object? data, Guid? organizationId, bool publishToWebhooks)
    {
        var caller = http.HttpContext?.GetCaller();
        var actor = _actor ?? (caller is null
            ? new EventActor("system", null, null)
            : new EventActor(caller.ActorType, caller.Kind == CallerKind.ApiKey ? caller.CredentialId : caller.UserId, caller.UserEmail));
        var organization = organizationId ?? caller?.OrganizationId
            ?? throw new InvalidOperationException($"Event {type} has no organization: pass organizationId outside an API call.");

        // Millisecond precision on purpose: the id's timestamp and Time must name the same instant (see EventStream).
        var now = time.GetUtcNow();
        now = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds());
        var entity = new Event
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = organization,
            Type = type,
            Time = now.UtcDateTime,
            ActorType = actor.Type,
            ActorId = actor.Id,
            ActorName = actor.Name,
            ResourceType = resourceType,
            ResourceId = resourceId,
            Data = JsonSerializer.Serialize(data ?? new { }, json.Value.SerializerOptions),
        };
        _pending.Add(new PendingEvent(entity, publishToWebhooks));
        return entity.Id;
    }

    internal sealed record PendingEvent(Event Event, bool PublishToWebhooks);

    private sealed record EventActor(string Type, Guid? Id, string? Name);
}
