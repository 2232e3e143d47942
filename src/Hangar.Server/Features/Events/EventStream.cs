using System.Linq.Expressions;
using System.Text;
using System.Text.Json;
using Hangar.Contracts.Common;
using Hangar.Core.Search;
using Hangar.Data;
using Hangar.Data.Events;
using Hangar.Server.Hosting.Lists;
using Hangar.Server.Hosting.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Hangar.Server.Features.Events;

/// <summary>
/// <c>GET /api/v1/events/stream</c>: Server-Sent Events read from the events table by id, after the last id sent.
/// The table, not an in-process bus, is the source, so events committed by any node reach every subscriber, and a
/// client resuming with <c>Last-Event-ID</c> continues exactly after what it saw. Ids are time-ordered, but
/// transactions do not commit in id order; an event is therefore sent only once it is older than the settle window,
/// so one that committed slightly late is not jumped over. The in-process <see cref="EventSignal"/> only cuts waiting.
/// </summary>
internal static class EventStream
{
    private const int BatchSize = 100;

    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> StreamAsync(
        [FromQuery] string? search,
        [FromQuery(Name = "last_event_id")] string? lastEventId,
        HttpContext http,
        HangarDbContext db,
        EventSignal signal,
        TimeProvider time,
        IOptions<EventsOptions> options,
        IOptions<JsonOptions> json,
        IHostApplicationLifetime lifetime,
        CancellationToken cancellationToken)
    {
        if (!ListQueries.TryPrepare(new ListRequest { Search = search }, EventEndpoints.Search, out var spec, out var problem))
        {
            return problem!;
        }

        var resumeFrom = http.Request.Headers["Last-Event-ID"].ToString() is { Length: > 0 } header ? header : lastEventId;
        Guid? afterId = null;
        if (resumeFrom is not null)
        {
            if (!Guid.TryParseExact(resumeFrom, "D", out var parsed))
            {
                return Problems.BadRequest(ErrorCodes.InvalidParameter, "Last-Event-ID must be the id of an event this stream sent.");
            }

            afterId = parsed;
        }

        var settings = options.Value;
        var settle = TimeSpan.FromMilliseconds(settings.StreamSettleMilliseconds);
        // Without Last-Event-ID the stream starts now: events that were still settling are included, older ones are
        // not. That start is a position like any event id, and is announced as one (an "id:" field without data sets
        // the client's last event id), so a client that reconnects before its first event resumes from it instead
        // of from a later "now", missing nothing in between.
        var announced = afterId is null;
        afterId ??= PositionAt(Horizon(time, settle));

        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        if (HttpMethods.IsHead(http.Request.Method))
        {
            // The headers of the stream, and no stream.
            return TypedResults.Empty;
        }

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        var token = stopping.Token;
        try
        {
            await WriteAsync(http, announced ? $": connected\nretry: 2000\nid: {afterId:D}\n\n" : ": connected\nretry: 2000\n\n", token);
            var lastWrite = time.GetUtcNow();
            while (!token.IsCancellationRequested)
            {
                var next = signal.Next;
                var batch = await ReadAsync(db, spec.Search, afterId.Value, Horizon(time, settle), token);
                foreach (var evt in batch)
                {
                    var data = JsonSerializer.Serialize(evt.ToResponse(), json.Value.SerializerOptions);
                    await WriteAsync(http, $"id: {evt.Id:D}\nevent: {evt.Type}\ndata: {data}\n\n", token);
                    afterId = evt.Id;
                }

                if (batch.Count > 0)
                {
                    lastWrite = time.GetUtcNow();
                    if (batch.Count == BatchSize)
                    {
                        continue;
                    }
                }
                else if (time.GetUtcNow() - lastWrite >= TimeSpan.FromSeconds(settings.StreamKeepAliveSeconds))
                {
                    await WriteAsync(http, ": keep-alive\n\n", token);
                    lastWrite = time.GetUtcNow();
                }

                if (await EventSignal.WaitAsync(next, TimeSpan.FromMilliseconds(settings.StreamPollMilliseconds), time, token) && settle > TimeSpan.Zero)
                {
                    // Something committed here just now: it becomes sendable once it has settled.
                    await Task.Delay(settle, time, token);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The client went away or the server is stopping; either ends the stream normally.
        }

        return TypedResults.Empty;
    }

    private static Task<List<Event>> ReadAsync(
        HangarDbContext db, SearchQuery? search, Guid afterId, DateTime horizon, CancellationToken cancellationToken)
    {
        var query = db.Events.AsNoTracking().Where(e => e.Time < horizon).Where(IdAfter(afterId));
        if (search is not null)
        {
            query = EventEndpoints.Search.Apply(query, search);
        }

        return query.OrderBy(e => e.Id).Take(BatchSize).ToListAsync(cancellationToken);
    }

    // C# has no '>' on Guid, but expression trees do and both providers compare UUIDv7 ids in time order.
    private static Expression<Func<Event, bool>> IdAfter(Guid after)
    {
        var row = Expression.Parameter(typeof(Event), "e");
        var holder = Expression.Property(Expression.Constant(new { Value = after }), "Value");
        return Expression.Lambda<Func<Event, bool>>(Expression.GreaterThan(Expression.Property(row, nameof(Event.Id)), holder), row);
    }

    /// <summary>
    /// The lowest UUIDv7 of <paramref name="time"/>'s millisecond (every bit after the timestamp zero but version and
    /// variant): every event id of that millisecond or later sorts after it, every earlier one before. It names no
    /// event, so it tells a subscriber nothing about other organizations.
    /// </summary>
    private static Guid PositionAt(DateTime time)
    {
        var milliseconds = new DateTimeOffset(time, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var hex = milliseconds.ToString("x12", System.Globalization.CultureInfo.InvariantCulture);
        return Guid.ParseExact($"{hex[..8]}-{hex[8..]}-7000-8000-000000000000", "D");
    }

    // Whole milliseconds: all events sharing an id timestamp become visible together (see EventRecorder).
    private static DateTime Horizon(TimeProvider time, TimeSpan settle) =>
        DateTimeOffset.FromUnixTimeMilliseconds((time.GetUtcNow() - settle).ToUnixTimeMilliseconds()).UtcDateTime;

    private static async Task WriteAsync(HttpContext http, string text, CancellationToken cancellationToken)
    {
        await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await http.Response.Body.FlushAsync(cancellationToken);
    }
}
