namespace Hangar.Contracts.Organizations;

/// <summary>Creates an organization owned by the caller's user.</summary>
/// <param name="Name">Display name, 1–100 characters.</param>
/// <param name="CreateApiKey">When true, the response carries an owner API key for the new organization (shown once).</param>
public sealed record CreateOrganizationRequest(string Name, bool CreateApiKey = false);
