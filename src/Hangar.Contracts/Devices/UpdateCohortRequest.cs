namespace Hangar.Contracts.Devices;

/// <summary>Changes a cohort; absent fields stay as they are, an empty description clears it.</summary>
public sealed record UpdateCohortRequest(string? Name = null, string? Description = null);
