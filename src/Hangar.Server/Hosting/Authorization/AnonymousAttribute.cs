using Microsoft.AspNetCore.Authorization;

namespace Hangar.Server.Hosting.Authorization;

/// <summary>Endpoint metadata: the route is deliberately open (sign-in, health, accepting an invitation).</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class AnonymousAttribute : Attribute, IAllowAnonymous;
