namespace Hangar.Contracts.Devices;

/// <summary>Just-in-time provisioning settings: devices created under the CA get this product, cohort, tags, target and description.</summary>
public sealed record JitpRequest(string ProductId, string? CohortId = null, IReadOnlyList<string>? Tags = null, string? Target = null, string? Description = null);
