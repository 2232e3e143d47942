using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Hangar.Server.Tests.Fixtures;

/// <summary>A real HTTP receiver on 127.0.0.1:0 that records every request and answers as the test says.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<ReceivedWebhook> _received = Channel.CreateUnbounded<ReceivedWebhook>();
    private int _count;
    private int _inFlight;

    private WebhookReceiver(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    /// <summary>How to answer request number n (1-based); by default 200.</summary>
    public Func<HttpContext, int, Task> Respond { get; set; } = (_, _) => Task.CompletedTask;

    public int MaxInFlight { get; private set; }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.Run(receiver.HandleAsync);
        await app.StartAsync(TestContext.Current.CancellationToken);
        receiver.Url = new Uri(app.Urls.First() + "/hook");
        return receiver;
    }

    public async Task<ReceivedWebhook> NextAsync() => await _received.Reader.ReadAsync(TestContext.Current.CancellationToken);

    public bool TryNext(out ReceivedWebhook? received) => _received.Reader.TryRead(out received);

    private async Task HandleAsync(HttpContext context)
    {
        var number = Interlocked.Increment(ref _count);
        var inFlight = Interlocked.Increment(ref _inFlight);
        lock (_received)
        {
            MaxInFlight = Math.Max(MaxInFlight, inFlight);
        }

        try
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            _received.Writer.TryWrite(new ReceivedWebhook(
                context.Request.Path,
                context.Request.Headers["webhook-id"].ToString(),
                context.Request.Headers["webhook-timestamp"].ToString(),
                context.Request.Headers["webhook-signature"].ToString(),
                body));
            await Respond(context, number);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
