using System.Collections.Concurrent;
using System.Text.Json;
using Hangar.Agent.Tests.Support;
using Hangar.Contracts;
using Hangar.Contracts.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Hangar.Agent.Tests.Telemetry;

/// <summary>
/// <c>POST /device/v1/telemetry</c> on plain http, answering each batch as the test scripts it (by the request's
/// number, 1-based) and keeping every batch it was sent, accepted or not.
/// </summary>
internal sealed class TelemetryIntakeStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TelemetryIntakeStandIn(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public ConcurrentQueue<TelemetryBatchRequest> Received { get; } = new();

    /// <summary>How to answer request number n; by default 202.</summary>
    public Func<HttpContext, int, Task> Respond { get; set; } = (context, _) =>
    {
        context.Response.StatusCode = StatusCodes.Status202Accepted;
        return Task.CompletedTask;
    };

    public static async Task<TelemetryIntakeStandIn> StartAsync()
    {
        var app = LoopbackKestrel.Create();
        var intake = new TelemetryIntakeStandIn(app);
        app.MapPost("/device/v1/telemetry", async context =>
        {
            var batch = await JsonSerializer.DeserializeAsync(context.Request.Body, HangarDeviceJsonContext.Default.TelemetryBatchRequest, context.RequestAborted);
            intake.Received.Enqueue(batch!);
            await intake.Respond(context, intake.Received.Count);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        intake.Url = LoopbackKestrel.Address(app);
        return intake;
    }

    /// <summary>Answers as the server does when it cannot take a batch now: status, problem+json code, Retry-After.</summary>
    public static async Task ProblemAsync(HttpContext context, int status, string code, int retryAfterSeconds)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.ContentType = "application/problem+json";
        await context.Response.WriteAsync($$"""{"status":{{status}},"code":"{{code}}","detail":"stand-in"}""");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
