namespace Hangar.Contracts.Organizations;

/// <summary>An organization: the tenant boundary that every other resource belongs to.</summary>
public sealed record OrganizationResponse(Guid Id, string Hrn, string Name, DateTime CreatedAt, DateTime UpdatedAt);
