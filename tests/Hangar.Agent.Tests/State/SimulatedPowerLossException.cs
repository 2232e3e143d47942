namespace Hangar.Agent.Tests.State;

/// <summary>Thrown from a write hook to stop everything at that point, as a power cut would.</summary>
public sealed class SimulatedPowerLossException : Exception;
