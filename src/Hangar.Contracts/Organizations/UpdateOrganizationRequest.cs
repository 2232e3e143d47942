namespace Hangar.Contracts.Organizations;

public sealed record UpdateOrganizationRequest(string? Name);
