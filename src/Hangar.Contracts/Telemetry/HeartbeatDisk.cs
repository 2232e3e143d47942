namespace Hangar.Contracts.Telemetry;

/// <summary>A mounted file system's size and free space (statvfs), in bytes.</summary>
public sealed record HeartbeatDisk(string Mount, long TotalBytes, long AvailableBytes);
