using Hangar.Contracts.Access;

namespace Hangar.Contracts.Organizations;

/// <summary>The new organization and, when asked for, its first API key (the secret is shown only here).</summary>
public sealed record OrganizationCreatedResponse(OrganizationResponse Organization, ApiKeyCreatedResponse? ApiKey);
