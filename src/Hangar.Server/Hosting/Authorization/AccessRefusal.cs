using Microsoft.AspNetCore.Authorization;

namespace Hangar.Server.Hosting.Authorization;

/// <summary>Why an authenticated caller was refused: the problem's <c>code</c> and its detail.</summary>
internal sealed class AccessRefusal(IAuthorizationHandler handler, string code, string detail) : AuthorizationFailureReason(handler, detail)
{
    public string Code { get; } = code;
}
