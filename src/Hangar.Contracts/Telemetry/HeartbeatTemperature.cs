namespace Hangar.Contracts.Telemetry;

/// <summary>A thermal zone's temperature (<c>/sys/class/thermal/*/temp</c>), in degrees Celsius.</summary>
public sealed record HeartbeatTemperature(string Zone, double Celsius);
