namespace Hangar.Server.Hosting.References;

/// <summary>A row a name matched, as listed in an ambiguity answer.</summary>
internal sealed record ReferenceMatch(Guid Id, string Name);
