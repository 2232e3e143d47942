namespace Hangar.Server.Features.Tunnels;

/// <summary>The data of the <c>tunnel.*</c> events: which device and port, until when, and why it closed.</summary>
internal sealed record TunnelEventData(Guid DeviceId, int DevicePort, DateTime ExpiresAt, string? CloseReason = null, long? BytesToDevice = null,
    long? BytesFromDevice = null);
