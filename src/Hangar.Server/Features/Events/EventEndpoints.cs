using Hangar.Contracts.Common;
using Hangar.Contracts.Events;
using Hangar.Core.Access;
using Hangar.Core.Resources;
using Hangar.Core.Search;
using Hangar.Data;
using Hangar.Data.Events;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Authorization;
using Hangar.Server.Hosting.Lists;
using Hangar.Server.Hosting.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Events;

/// <summary>The event log: read-only; events are written only by the changes they describe.</summary>
internal static class EventEndpoints
{
    public const string SearchDescription = "Search fields: type, resource_type, resource_id, actor_type, actor_id, time.";

    public static readonly SearchFields<Event> Search = new SearchFields<Event>()
        .String("type", e => e.Type)
        .String("resource_type", e => e.ResourceType, SearchOperator.Equals)
        .Uuid("resource_id", e => e.ResourceId)
        .String("actor_type", e => e.ActorType, SearchOperator.Equals)
        .Uuid("actor_id", e => e.ActorId)
        .DateTime("time", e => e.Time);

    public static RouteGroupBuilder MapEvents(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/events").WithTags("Events");
        group.MapGet("", ListAsync).Requires(Permission.EventRead).WithSummary("List events").WithDescription(SearchDescription);
        group.MapGet("/stream", EventStream.StreamAsync).Requires(Permission.EventRead).WithSummary("Stream events (Server-Sent Events)")
            .WithDescription("text/event-stream of events as they commit, oldest first. Filter with `search` (" + SearchDescription
                + "). Resume after a disconnect with the `Last-Event-ID` header (or `last_event_id`): no event is skipped or repeated.");
        group.MapGet("/{id}", GetAsync).Requires(Permission.EventRead).WithSummary("Get an event");
        return api;
    }

    private static async Task<Results<Ok<ListResponse<EventResponse>>, ProblemHttpResult>> ListAsync(
        [AsParameters] ListRequest request, HangarDbContext db, CancellationToken cancellationToken)
    {
        if (!ListQueries.TryPrepare(request, Search, out var spec, out var problem))
        {
            return problem!;
        }

        return TypedResults.Ok(await db.Events.AsNoTracking().ToPageAsync(spec, Search, e => e.Id, e => e.ToResponse(), cancellationToken));
    }

    private static async Task<Results<Ok<EventResponse>, ProblemHttpResult>> GetAsync(
        string id, HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        var eventId = ResourceReference.Resolve(id, ResourceTypes.Event, http.RequireCaller().OrganizationId);
        var evt = eventId is null ? null : await db.Events.AsNoTracking().SingleOrDefaultAsync(e => e.Id == eventId, cancellationToken);
        return evt is null ? Problems.NotFound("Event") : TypedResults.Ok(evt.ToResponse());
    }
}
