using Hangar.Core.Access;

namespace Hangar.Server.Hosting.Authorization;

/// <summary>Endpoint metadata: the one permission a route needs. See <see cref="PermissionMatrix"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RequiresPermissionAttribute(Permission permission) : Attribute
{
    public Permission Permission { get; } = permission;
}
