using Hangar.Client;
using Hangar.Contracts.Events;

namespace Hangar.Console.Events;

/// <summary>
/// Follows <c>GET /api/v1/events/stream</c> for as long as a page shows it: after a drop it connects again, waiting
/// longer after each failed attempt (so a restarting server is not hammered by every open console), and resumes with
/// <c>Last-Event-ID</c> right after the last event seen, so nothing is missed or repeated in between.
/// </summary>
internal static class ResumingEventStream
{
    public static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Runs until <paramref name="stop"/> fires or the API refuses the stream. <paramref name="after"/>: the newest
    /// event already shown (the stream continues after it), or null to start now.
    /// </summary>
    public static async Task FollowAsync(
        EventsClient events, Guid? after, Func<EventResponse, Task> received, Action<StreamStatus> changed, CancellationToken stop)
    {
        var last = after;
        var retry = FirstRetry;
        while (true)
        {
            Exception? dropped = null;
            try
            {
                // The position is reported once the server accepted the request: the stream is open from there.
                await foreach (var evt in events.StreamAsync(lastEventId: last, position: p => Opened(p), cancellationToken: stop))
                {
                    last = evt.Id;
                    await received(evt);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (HangarApiException e) when (e.Status is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden)
            {
                changed(new StreamStatus(StreamState.Refused, Error: e));
                return;
            }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                // A lost connection (the browser's fetch failing mid-body), a server error, a garbled event: all retried.
                dropped = e;
            }

            // A little jitter, so consoles dropped together by a restart do not all come back in the same second.
            var wait = retry + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 250));
            changed(new StreamStatus(StreamState.Reconnecting, wait, dropped));
            try
            {
                await Task.Delay(wait, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LongestRetry.Ticks));
            changed(new StreamStatus(StreamState.Connecting));
        }

        void Opened(Guid position)
        {
            last = position;
            retry = FirstRetry;
            changed(new StreamStatus(StreamState.Live));
        }
    }
}
