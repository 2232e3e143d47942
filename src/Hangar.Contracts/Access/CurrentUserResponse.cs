namespace Hangar.Contracts.Access;

/// <summary>Who the caller is, in which organization, with which role, and how they authenticated.</summary>
/// <param name="AuthenticatedBy"><c>api_key</c> or <c>session</c>.</param>
public sealed record CurrentUserResponse(
    Guid Id,
    string Email,
    string Name,
    Guid OrganizationId,
    string OrganizationName,
    string OrganizationHrn,
    string Role,
    string AuthenticatedBy,
    Guid? ApiKeyId);
