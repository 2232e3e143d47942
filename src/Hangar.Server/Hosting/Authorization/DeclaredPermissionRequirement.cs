using Microsoft.AspNetCore.Authorization;

namespace Hangar.Server.Hosting.Authorization;

/// <summary>The requirement of the default and fallback policies: the route declares a permission.</summary>
internal sealed class DeclaredPermissionRequirement : IAuthorizationRequirement;
