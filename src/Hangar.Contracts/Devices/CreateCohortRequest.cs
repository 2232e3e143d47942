namespace Hangar.Contracts.Devices;

/// <summary>Creates a cohort.</summary>
/// <param name="Name">1–128 characters, unique within the product.</param>
/// <param name="ProductId">The product: id, resource name or name.</param>
/// <param name="Description">Up to 256 characters.</param>
public sealed record CreateCohortRequest(string Name, string ProductId, string? Description = null);
