using Hangar.Core.Access;
using Microsoft.AspNetCore.Authorization;

namespace Hangar.Server.Hosting.Authorization;

/// <summary>
/// Endpoint metadata: the one permission a route needs, as the authorization policy of that permission (see
/// <see cref="PermissionPolicies"/> and <see cref="PermissionMatrix"/>). The route's group names the schemes.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RequiresPermissionAttribute(Permission permission) : Attribute, IAuthorizeData
{
    public Permission Permission { get; } = permission;

    public string? Policy
    {
        get => PermissionPolicies.NameOf(Permission);
        set => throw new NotSupportedException("The policy is the permission's.");
    }

    public string? Roles { get; set; }

    public string? AuthenticationSchemes { get; set; }
}
