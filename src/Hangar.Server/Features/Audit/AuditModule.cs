using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hangar.Server.Features.Audit;

internal static class AuditModule
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddScoped<AuditScope>();
        services.AddSingleton<AuditSaveChangesInterceptor>();
        services.AddSingleton<ISaveChangesInterceptor>(provider => provider.GetRequiredService<AuditSaveChangesInterceptor>());
        return services;
    }
}
