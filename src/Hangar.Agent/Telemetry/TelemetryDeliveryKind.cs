namespace Hangar.Agent.Telemetry;

internal enum TelemetryDeliveryKind
{
    Delivered,
    RetryLater,
    Refused,
}
