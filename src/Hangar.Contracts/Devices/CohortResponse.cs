namespace Hangar.Contracts.Devices;

/// <summary>A cohort: devices of one product that follow the same releases.</summary>
public sealed record CohortResponse(Guid Id, string Hrn, string Name, string? Description, Guid ProductId, DateTime CreatedAt, DateTime UpdatedAt);
