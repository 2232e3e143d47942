namespace Hangar.Contracts.Telemetry;

/// <summary>A network interface's byte counters since boot (<c>/proc/net/dev</c>).</summary>
public sealed record HeartbeatNetwork(string Interface, long ReceivedBytes, long TransmittedBytes);
