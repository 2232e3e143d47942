using Hangar.Core.Access;
using Microsoft.AspNetCore.Authorization;

namespace Hangar.Server.Hosting.Authorization;

/// <summary>The requirement of a permission's policy: the caller's effective role allows it in <see cref="PermissionMatrix"/>.</summary>
internal sealed record PermissionRequirement(Permission Permission) : IAuthorizationRequirement;
