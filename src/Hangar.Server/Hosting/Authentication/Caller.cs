using Hangar.Core.Access;

namespace Hangar.Server.Hosting.Authentication;

/// <summary>
/// Who is calling: a user acting in one organization through an API key or a console session. The role is the
/// effective one: an API key never acts above its creator's current membership role.
/// </summary>
internal sealed record Caller(
    Guid OrganizationId,
    Guid UserId,
    string UserEmail,
    Role Role,
    CallerKind Kind,
    Guid CredentialId,
    string? CsrfToken)
{
    /// <summary>The audit actor type on the wire.</summary>
    public string ActorType => Kind == CallerKind.ApiKey ? "api_key" : "user";

    /// <summary>Stable identity of the sender, used to keep idempotency keys private to one sender.</summary>
    public string Principal => $"{(Kind == CallerKind.ApiKey ? "k" : "u")}:{(Kind == CallerKind.ApiKey ? CredentialId : UserId):N}";
}
