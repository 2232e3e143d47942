namespace Hangar.Server.Features.Telemetry;

/// <summary>A validated point: its series key (name, canonical labels), unit, time (Unix ms) and value.</summary>
internal readonly record struct ParsedPoint(string Name, string Labels, string? Unit, long Time, double Value);
