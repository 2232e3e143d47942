using Hangar.Data.Telemetry;

namespace Hangar.Server.Features.Telemetry;

/// <summary>One accepted batch waiting in the queue: its points and, when it carried any, the device's newest heartbeat.</summary>
internal sealed record TelemetryWork(TelemetryPointRow[] Points, HeartbeatRow? Heartbeat);
