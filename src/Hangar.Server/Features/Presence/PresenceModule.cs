namespace Hangar.Server.Features.Presence;

/// <summary>The control socket, device presence and pushed commands.</summary>
internal static class PresenceModule
{
    public static IServiceCollection AddPresence(this IServiceCollection services)
    {
        services.AddOptions<PresenceOptions>().BindConfiguration(PresenceOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.LeaseSeconds >= 2 * o.RefreshSeconds, "Presence:LeaseSeconds must be at least twice Presence:RefreshSeconds, or a live node's claims expire.")
            .ValidateOnStart();
        services.AddSingleton<ControlSessions>();
        services.AddSingleton<SocketAdmission>();
        services.AddSingleton<ControlSocketPump>();
        services.AddSingleton<ControlAnswers>();
        services.AddSingleton<PresenceStore>();
        services.AddSingleton<PresenceWriter>();
        services.AddHostedService(provider => provider.GetRequiredService<PresenceWriter>());
        services.AddSingleton<CommandRelay>();
        services.AddHostedService(provider => provider.GetRequiredService<CommandRelay>());
        return services;
    }
}
