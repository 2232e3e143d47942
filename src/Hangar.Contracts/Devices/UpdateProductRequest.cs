namespace Hangar.Contracts.Devices;

/// <summary>Changes a product; absent fields stay as they are. A product with devices cannot be archived.</summary>
public sealed record UpdateProductRequest(string? Name = null, bool? Archived = null);
