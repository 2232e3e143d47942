namespace Hangar.Contracts.Updates;

/// <summary>The release an update comes from. A device reports <see cref="Id"/> and <see cref="Version"/> back once it runs it.</summary>
public sealed record UpdateReleaseSummary(Guid Id, string Hrn, string Name, string? Version, bool Required);
