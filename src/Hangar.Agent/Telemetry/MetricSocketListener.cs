using System.Net.Sockets;
using System.Text;
using Hangar.Agent.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hangar.Agent.Telemetry;

/// <summary>
/// <c>telemetry.metrics_socket</c>: a Unix stream socket where local programs write metric lines
/// (<see cref="MetricLine"/>), timestamped on arrival and buffered with the rest; a bad line is skipped and logged.
/// Anyone who may open the socket file may send metrics: its directory's permissions decide who.
/// </summary>
internal sealed class MetricSocketListener(TelemetryConfig config, TelemetryBuffer buffer, TimeProvider time, ILogger<MetricSocketListener> logger)
    : BackgroundService
{
    private const int MaxLineChars = 4096;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.Enabled || config.MetricsSocket is not { } path)
        {
            return;
        }

        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            // A socket file left by an earlier run would make the bind fail.
            File.Delete(path);
            listener.Bind(new UnixDomainSocketEndPoint(path));
            listener.Listen(16);
        }
        catch (Exception exception) when (exception is SocketException or IOException or UnauthorizedAccessException)
        {
            logger.LogError("Cannot listen for metric lines on {Path}: {Reason}", path, exception.Message);
            return;
        }

        logger.LogInformation("Listening for metric lines on {Path}", path);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var client = await listener.AcceptAsync(stoppingToken);
                _ = ReadAsync(client, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        finally
        {
            File.Delete(path);
        }
    }

    private async Task ReadAsync(Socket client, CancellationToken cancellationToken)
    {
        await using var stream = new NetworkStream(client, ownsSocket: true);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        try
        {
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                if (line.Length > MaxLineChars)
                {
                    logger.LogWarning("Metrics socket: skipped a line longer than {Max} characters", MaxLineChars);
                }
                else if (MetricLine.Parse(line, time.GetUtcNow().UtcDateTime, out var error) is { } point)
                {
                    buffer.Add(point);
                }
                else
                {
                    logger.LogWarning("Metrics socket: skipped the line '{Line}': {Reason}", line.Length > 120 ? line[..120] + "…" : line, error);
                }
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException)
        {
            // The sender went away, or the agent stops.
        }
    }
}
