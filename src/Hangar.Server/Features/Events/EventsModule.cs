using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hangar.Server.Features.Events;

internal static class EventsModule
{
    public static IServiceCollection AddEvents(this IServiceCollection services)
    {
        services.AddOptions<EventsOptions>().BindConfiguration(EventsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpContextAccessor();
        services.AddSingleton<EventSignal>();
        services.AddScoped<EventRecorder>();
        services.AddSingleton<EventSaveChangesInterceptor>();
        services.AddSingleton<ISaveChangesInterceptor>(provider => provider.GetRequiredService<EventSaveChangesInterceptor>());
        services.AddSingleton<EventRetention>();
        services.AddHostedService(provider => provider.GetRequiredService<EventRetention>());
        return services;
    }
}
