namespace Hangar.Contracts.Telemetry;

/// <summary>
/// One measurement: <see cref="Name"/> (lower case letters, digits, <c>_</c> and <c>.</c>, starting with a letter)
/// at <see cref="Time"/> (UTC). A series is a device's name and label set; its unit is the one its first point gave.
/// </summary>
public sealed record MetricPointRequest(
    string Name,
    double Value,
    DateTime Time,
    string? Unit = null,
    IReadOnlyDictionary<string, string>? Labels = null);
