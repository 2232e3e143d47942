using Hangar.Core.Access;
using Microsoft.AspNetCore.Authorization;

namespace Hangar.Server.Hosting.Authorization;

/// <summary>
/// One authorization policy per <see cref="Permission"/>, and the deny-by-default policy: a route that declares no
/// permission and is not <see cref="AnonymousAttribute"/> is refused, so forgetting is never open access.
/// </summary>
internal static class PermissionPolicies
{
    private const string Prefix = "permission:";

    public static string NameOf(Permission permission) => Prefix + permission;

    /// <summary>Met only by routes that declare a permission (whose own policy then decides).</summary>
    public static AuthorizationPolicy DeclaredPermission { get; } =
        new AuthorizationPolicyBuilder().AddRequirements(new DeclaredPermissionRequirement()).Build();

    public static IServiceCollection AddPermissionPolicies(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler, PermissionAuthorizationHandler>();
        services.AddSingleton<IAuthorizationHandler, DeclaredPermissionAuthorizationHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.Policy.AuthorizationMiddlewareResultHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(DeclaredPermission)
            .SetFallbackPolicy(DeclaredPermission);
        services.AddOptions<AuthorizationOptions>().Configure(options =>
        {
            foreach (var permission in Enum.GetValues<Permission>())
            {
                options.AddPolicy(NameOf(permission), policy => policy.AddRequirements(new PermissionRequirement(permission)));
            }
        });
        return services;
    }
}
