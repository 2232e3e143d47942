using Hangar.Agent.Configuration;
using Microsoft.Extensions.Logging;

namespace Hangar.Agent.Telemetry;

/// <summary>
/// Empties the buffer batch by batch, over the control socket when it is open, else over HTTP. A refused batch is
/// dropped and logged (it would be refused again); a batch the server cannot take now stops the round and stays.
/// </summary>
internal sealed class TelemetrySender(TelemetryConfig config, TelemetryBuffer buffer, ControlSocketTelemetry socket, TelemetryApi http,
    ILogger<TelemetrySender> logger)
{
    /// <summary>Null when the buffer was emptied; else the delivery that stopped the round.</summary>
    public async Task<TelemetryDelivery?> FlushAsync(CancellationToken cancellationToken)
    {
        while (buffer.Peek(config.MaxBatchPoints) is var (batch, through))
        {
            var overSocket = await socket.TrySendAsync(batch, cancellationToken);
            var delivery = overSocket ?? await http.SendAsync(batch, cancellationToken);
            switch (delivery.Kind)
            {
                case TelemetryDeliveryKind.Delivered:
                    logger.LogDebug("Sent {Points} telemetry points over {Transport}", Points(batch), overSocket is null ? "HTTP" : "the control socket");
                    buffer.Remove(through);
                    break;
                case TelemetryDeliveryKind.Refused:
                    logger.LogWarning("The server refused a telemetry batch ({Reason}): dropped", delivery.Description);
                    buffer.Remove(through);
                    break;
                default:
                    return delivery;
            }
        }

        return null;
    }

    private static int Points(Contracts.Telemetry.TelemetryBatchRequest batch) =>
        (batch.Metrics?.Count ?? 0) + (batch.Heartbeats ?? []).Sum(Collectors.HeartbeatCollector.Points);
}
