namespace Hangar.Agent.State;

/// <summary>One binary of a pending install, recorded as installed only when the whole update is.</summary>
public sealed record PlannedBinary(string BinaryId, string MetadataDigest, string Installer);
