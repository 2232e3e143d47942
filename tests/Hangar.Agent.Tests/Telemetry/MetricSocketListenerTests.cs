using System.Net.Sockets;
using System.Text;
using Hangar.Agent.Configuration;
using Hangar.Agent.Telemetry;
using Hangar.Agent.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hangar.Agent.Tests.Telemetry;

/// <summary>The metrics socket: lines a local program writes become buffered points; bad lines are skipped.</summary>
public sealed class MetricSocketListenerTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LinesWrittenToTheSocket_AreBuffered_BadLinesSkipped_AndTheSocketFileGoesAtStop()
    {
        using var directory = new TempDirectory();
        var path = directory.Combine("metrics.sock");
        var buffer = new TelemetryBuffer(100);
        using var listener = new MetricSocketListener(new TelemetryConfig { MetricsSocket = path }, buffer, TimeProvider.System,
            NullLogger<MetricSocketListener>.Instance);
        await listener.StartAsync(Cancel);

        using (var client = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            await ConnectAsync(client, path);
            await client.SendAsync(Encoding.UTF8.GetBytes("app.jobs 3 {job} state=done\nnot a metric\napp.up 1\n"), Cancel);
        }

        for (var i = 0; i < 100 && buffer.Points < 2; i++)
        {
            await Task.Delay(50, Cancel);
        }

        var batch = buffer.Peek(10)!.Value.Batch;
        Assert.Equal(["app.jobs", "app.up"], batch.Metrics!.Select(m => m.Name));
        Assert.Equal("done", batch.Metrics![0].Labels!["state"]);

        await listener.StopAsync(Cancel);
        Assert.False(File.Exists(path));
    }

    private static async Task ConnectAsync(Socket client, string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await client.ConnectAsync(new UnixDomainSocketEndPoint(path), Cancel);
                return;
            }
            catch (SocketException) when (attempt < 100)
            {
                // The listener binds in its background task.
                await Task.Delay(50, Cancel);
            }
        }
    }
}
