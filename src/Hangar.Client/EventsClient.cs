using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Hangar.Contracts;
using Hangar.Contracts.Common;
using Hangar.Contracts.Events;

namespace Hangar.Client;

public sealed class EventsClient(ApiTransport transport)
{
    // WebAssemblyHttpRequestMessageExtensions.SetBrowserResponseStreamingEnabled sets this key; the CLI must not depend
    // on Blazor's assembly for it.
    private static readonly HttpRequestOptionsKey<bool> BrowserStreaming = new("WebAssemblyEnableStreamingResponse");

    public Task<ListResponse<EventResponse>> ListAsync(ListOptions? options = null, CancellationToken cancellationToken = default) =>
        transport.GetAsync<ListResponse<EventResponse>>("api/v1/events" + options?.ToQueryString(), cancellationToken);

    public Task<EventResponse> GetAsync(string idOrHrn, CancellationToken cancellationToken = default) =>
        transport.GetAsync<EventResponse>($"api/v1/events/{ApiTransport.Segment(idOrHrn)}", cancellationToken);

    /// <summary>
    /// Events as they commit, from one connection to <c>GET /api/v1/events/stream</c>, until the server closes it or
    /// <paramref name="cancellationToken"/> fires. To resume after a disconnect, pass the last event's id as
    /// <paramref name="lastEventId"/>: the server continues right after it, skipping and repeating nothing. A stream
    /// opened without one announces where it starts (an SSE <c>id:</c> without data) through
    /// <paramref name="position"/>: resume from that while no event has arrived yet. A resumed stream reports
    /// <paramref name="lastEventId"/> there once the server accepted it, so <paramref name="position"/> also says the stream is open.
    /// </summary>
    public async IAsyncEnumerable<EventResponse> StreamAsync(
        string? search = null, Guid? lastEventId = null, Action<Guid>? position = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/events/stream" + new ListOptions(Search: search).ToQueryString());
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        // In the browser (the console) fetch hands over the body as it arrives only when asked; .NET 10 asks by default,
        // but a project may turn that off, and a buffered never-ending body would never yield. Other handlers ignore the key.
        request.Options.Set(BrowserStreaming, true);
        if (lastEventId is { } last)
        {
            request.Headers.Add("Last-Event-ID", last.ToString("D"));
        }

        // Headers only: the body never ends, and HttpClient.Timeout does not apply to reading it.
        using var response = await transport.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ApiTransport.ErrorAsync(response, cancellationToken);
        }

        if (lastEventId is { } resumed)
        {
            position?.Invoke(resumed);
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(body, Encoding.UTF8);
        var data = new StringBuilder();
        Guid? id = null;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Length > 0)
                {
                    yield return JsonSerializer.Deserialize(data.ToString(), HangarJsonContext.Tolerant.EventResponse)
                        ?? throw new JsonException("empty event");
                    data.Clear();
                }
                else if (id is { } announced)
                {
                    position?.Invoke(announced);
                }

                id = null;
            }
            else if (line.StartsWith("id:", StringComparison.Ordinal))
            {
                id = Guid.TryParse(line.AsSpan(3).Trim(' '), out var parsed) ? parsed : null;
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Append(line.AsSpan(5).TrimStart(' '));
            }
        }
    }
}
