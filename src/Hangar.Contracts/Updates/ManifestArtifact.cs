namespace Hangar.Contracts.Updates;

public sealed record ManifestArtifact(Guid Id, string Hrn, string Name);
