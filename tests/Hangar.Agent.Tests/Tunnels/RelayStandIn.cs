using System.Net.WebSockets;
using Hangar.Agent.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Hangar.Agent.Tests.Tunnels;

/// <summary>
/// The server's end of tunnel data sockets, on plain http: either refuses them (429, as a device out of request budget
/// once was) or accepts them and hands the test each accepted WebSocket, kept open until the test is done with it.
/// </summary>
internal sealed class RelayStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TaskCompletionSource<WebSocket> _accepted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RelayStandIn(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    /// <summary>The data socket the agent opened, once it did.</summary>
    public Task<WebSocket> Accepted => _accepted.Task;

    public static async Task<RelayStandIn> StartAsync(bool refuse)
    {
        var app = LoopbackKestrel.Create();
        var relay = new RelayStandIn(app);
        app.UseWebSockets();
        app.Map("/device/v1/tunnels/connections/{id:guid}", async context =>
        {
            if (refuse || !context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                return;
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            relay._accepted.TrySetResult(socket);
            await relay._released.Task;
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        relay.Url = LoopbackKestrel.Address(app);
        return relay;
    }

    public async ValueTask DisposeAsync()
    {
        _released.TrySetResult();
        await _app.DisposeAsync();
    }
}
