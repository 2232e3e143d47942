namespace Hangar.Contracts.Updates;

/// <summary>The bundle override an update comes from.</summary>
public sealed record UpdateOverrideSummary(Guid Id, string Hrn, string Name, DateTime StartsAt, DateTime? EndsAt);
