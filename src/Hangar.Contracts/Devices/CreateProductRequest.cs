namespace Hangar.Contracts.Devices;

/// <summary>Creates a product.</summary>
/// <param name="Name">1–100 characters, unique in the organization.</param>
/// <param name="Archived">Whether the product starts archived.</param>
public sealed record CreateProductRequest(string Name, bool Archived = false);
