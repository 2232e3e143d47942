namespace Hangar.Agent.State;

public sealed record InstalledBinary(string BinaryId, string MetadataDigest, string Installer, DateTimeOffset InstalledAt);
