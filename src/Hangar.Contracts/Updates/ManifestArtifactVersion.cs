namespace Hangar.Contracts.Updates;

public sealed record ManifestArtifactVersion(Guid Id, string Hrn, string Version);
