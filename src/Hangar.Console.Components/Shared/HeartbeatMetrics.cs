namespace Hangar.Console.Shared;

/// <summary>
/// The series every hangar-agent heartbeat feeds (docs/concepts/telemetry.md): offered wherever a metric name is asked for, so
/// that a first look needs no knowledge of names. Any other name a device sends can be typed.
/// </summary>
internal static class HeartbeatMetrics
{
    public static readonly string[] Names =
    [
        "heartbeat.load1", "heartbeat.memory_used_percent", "heartbeat.disk_used_percent", "heartbeat.temperature_celsius",
        "heartbeat.memory_available_bytes", "heartbeat.disk_available_bytes", "heartbeat.uptime_seconds",
        "heartbeat.network_received_bytes", "heartbeat.network_transmitted_bytes",
    ];

    /// <summary>A metric value as a chart's label shows it: four significant digits, or a dash for none.</summary>
    public static string Number(double? value) => value is { } v ? v.ToString("G4", System.Globalization.CultureInfo.InvariantCulture) : "—";
}
