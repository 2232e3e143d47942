namespace Hangar.Contracts.Devices;

/// <summary>A product: a kind of device. Archived products take no new devices.</summary>
public sealed record ProductResponse(Guid Id, string Hrn, string Name, bool Archived, DateTime CreatedAt, DateTime UpdatedAt);
