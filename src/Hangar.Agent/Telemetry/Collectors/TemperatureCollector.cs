using System.Globalization;
using Hangar.Contracts.Telemetry;

namespace Hangar.Agent.Telemetry.Collectors;

/// <summary>
/// Each thermal zone's temperature: <c>/sys/class/thermal/thermal_zoneN/temp</c> in millidegrees Celsius, named by
/// its <c>type</c> ("cpu-thermal"), or by the zone's directory when the type is missing or shared by another zone.
/// </summary>
internal static class TemperatureCollector
{
    public static List<HeartbeatTemperature> Read(string root)
    {
        var directory = Path.Join(root, "sys/class/thermal");
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var zones = new List<(string Zone, string? Type, double Celsius)>();
        foreach (var zone in Directory.GetDirectories(directory, "thermal_zone*").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(zone);
            var millidegrees = SystemFiles.Read(root, $"sys/class/thermal/{name}/temp")?.Trim();
            if (long.TryParse(millidegrees, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                var type = SystemFiles.Read(root, $"sys/class/thermal/{name}/type")?.Trim();
                zones.Add((name, string.IsNullOrEmpty(type) ? null : type, value / 1000.0));
            }
        }

        return [.. zones.Select(z => new HeartbeatTemperature(
            z.Type is { } type && zones.Count(other => other.Type == type) == 1 ? type : z.Zone, z.Celsius))];
    }
}
