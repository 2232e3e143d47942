namespace Hangar.Contracts.Updates;

/// <summary>The bundle to install. A device reports <see cref="Id"/> back once it runs it.</summary>
public sealed record UpdateBundleSummary(Guid Id, string Hrn, string? Name, string Hash);
