namespace Hangar.Server.Features.Audit;

internal static class AuditModule
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddScoped<AuditScope>();
        services.AddSingleton<AuditSaveChangesInterceptor>();
        return services;
    }
}
