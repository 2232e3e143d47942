namespace Hangar.Server.Features.Access;

internal static class AccessModule
{
    public static IServiceCollection AddAccess(this IServiceCollection services)
    {
        services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PasswordHasher>();
        return services;
    }

    public static RouteGroupBuilder MapAccess(this RouteGroupBuilder api)
    {
        api.MapSessions();
        api.MapUsers();
        api.MapMembers();
        api.MapInvitations();
        api.MapApiKeys();
        return api;
    }
}
