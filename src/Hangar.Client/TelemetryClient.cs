using Hangar.Contracts.Telemetry;

namespace Hangar.Client;

/// <summary>Device metrics, fleet aggregates and heartbeats.</summary>
public sealed class TelemetryClient(ApiTransport transport)
{
    /// <summary>A device's series of metric <paramref name="name"/>; null arguments take the server's defaults (the last hour, about 300 steps, avg).</summary>
    public Task<DeviceMetricsResponse> DeviceMetricsAsync(
        string deviceIdOrHrn, string name, DateTime? from = null, DateTime? to = null, string? step = null, string? aggregation = null,
        CancellationToken cancellationToken = default) =>
        transport.GetAsync<DeviceMetricsResponse>(
            $"api/v1/devices/{ApiTransport.Segment(deviceIdOrHrn)}/metrics" + Query(("name", name), ("from", Time(from)), ("to", Time(to)), ("step", step), ("agg", aggregation)),
            cancellationToken);

    /// <summary>Metric <paramref name="name"/> aggregated over the fleet, one value per product, cohort, release or tag.</summary>
    public Task<FleetMetricsResponse> FleetMetricsAsync(
        string name, string groupBy, DateTime? from = null, DateTime? to = null, string? aggregation = null, CancellationToken cancellationToken = default) =>
        transport.GetAsync<FleetMetricsResponse>(
            "api/v1/metrics" + Query(("name", name), ("group_by", groupBy), ("from", Time(from)), ("to", Time(to)), ("agg", aggregation)), cancellationToken);

    /// <summary>The device's latest heartbeat (404 if it never sent one).</summary>
    public Task<DeviceHeartbeatResponse> HeartbeatAsync(string deviceIdOrHrn, CancellationToken cancellationToken = default) =>
        transport.GetAsync<DeviceHeartbeatResponse>($"api/v1/devices/{ApiTransport.Segment(deviceIdOrHrn)}/heartbeat", cancellationToken);

    private static string? Time(DateTime? time) => time?.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    private static string Query(params (string Key, string? Value)[] parameters) =>
        "?" + string.Join("&", parameters.Where(p => p.Value is not null).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));
}
