using System.Net;
using System.Net.Sockets;
using Hangar.Agent.Configuration;
using Hangar.Agent.Telemetry;
using Hangar.Contracts.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hangar.Agent.Tests.Telemetry;

/// <summary>
/// Batches over HTTP (the control socket not open) against a stand-in intake: a server that cannot take a batch now
/// keeps it buffered and its Retry-After is passed on to the loop; a refused batch is dropped and the rest still goes.
/// </summary>
public sealed class TelemetrySenderTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(StatusCodes.Status503ServiceUnavailable, "telemetry_queue_full", 7)]
    [InlineData(StatusCodes.Status429TooManyRequests, "telemetry_rate_limited", 42)]
    public async Task ServerThatCannotTakeItNow_KeepsTheBatch_AndItsRetryAfterIsPassedOn(int status, string code, int retryAfter)
    {
        await using var intake = await TelemetryIntakeStandIn.StartAsync();
        intake.Respond = (context, number) => number == 1
            ? TelemetryIntakeStandIn.ProblemAsync(context, status, code, retryAfter)
            : Accepted(context);
        var buffer = Buffer(3);
        var sender = Sender(intake.Url, buffer, maxBatchPoints: 10);

        var stopped = await sender.FlushAsync(Cancel);

        Assert.NotNull(stopped);
        Assert.Equal((TelemetryDeliveryKind.RetryLater, TimeSpan.FromSeconds(retryAfter)), (stopped.Kind, stopped.RetryAfter));
        Assert.StartsWith($"{status} {code}", stopped.Description, StringComparison.Ordinal);
        Assert.Equal(3, buffer.Points);

        // Sent again, the same points go and the buffer empties.
        Assert.Null(await sender.FlushAsync(Cancel));
        Assert.Equal(0, buffer.Points);
        Assert.Equal(2, intake.Received.Count);
        Assert.All(intake.Received, batch => Assert.Equal([0.0, 1, 2], batch.Metrics!.Select(m => m.Value)));
    }

    [Fact]
    public async Task RefusedBatch_IsDropped_AndTheRestStillGoes()
    {
        await using var intake = await TelemetryIntakeStandIn.StartAsync();
        intake.Respond = (context, number) => number == 1
            ? TelemetryIntakeStandIn.ProblemAsync(context, StatusCodes.Status422UnprocessableEntity, "telemetry_series_limit", 0)
            : Accepted(context);
        var buffer = Buffer(4);

        Assert.Null(await Sender(intake.Url, buffer, maxBatchPoints: 2).FlushAsync(Cancel));

        Assert.Equal(0, buffer.Points);
        Assert.Equal([[0.0, 1], [2.0, 3]], intake.Received.Select(b => b.Metrics!.Select(m => m.Value).ToArray()));
    }

    [Fact]
    public async Task UnreachableServer_KeepsTheBatch_ForTheBackoff()
    {
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var url = new Uri($"http://127.0.0.1:{((IPEndPoint)closed.LocalEndpoint).Port}/");
        closed.Stop();
        var buffer = Buffer(2);

        var stopped = await Sender(url, buffer, maxBatchPoints: 10).FlushAsync(Cancel);

        Assert.NotNull(stopped);
        Assert.Equal((TelemetryDeliveryKind.RetryLater, (TimeSpan?)null), (stopped.Kind, stopped.RetryAfter));
        Assert.Equal(2, buffer.Points);
    }

    private static Task Accepted(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status202Accepted;
        return Task.CompletedTask;
    }

    private static TelemetryBuffer Buffer(int points)
    {
        var buffer = new TelemetryBuffer(100);
        for (var i = 0; i < points; i++)
        {
            buffer.Add(new MetricPointRequest("app.value", i, DateTime.UnixEpoch.AddSeconds(i)));
        }

        return buffer;
    }

    private static TelemetrySender Sender(Uri server, TelemetryBuffer buffer, int maxBatchPoints)
    {
        var http = new HttpClient(new SocketsHttpHandler(), disposeHandler: true);
        return new TelemetrySender(new TelemetryConfig { MaxBatchPoints = maxBatchPoints }, buffer, new ControlSocketTelemetry(TimeProvider.System),
            new TelemetryApi(http, server, TimeProvider.System), NullLogger<TelemetrySender>.Instance);
    }
}
