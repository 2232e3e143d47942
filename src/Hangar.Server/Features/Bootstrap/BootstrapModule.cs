namespace Hangar.Server.Features.Bootstrap;

internal static class BootstrapModule
{
    /// <summary>Registered after the database so it runs once migrations are applied.</summary>
    public static IServiceCollection AddBootstrap(this IServiceCollection services)
    {
        services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(new BootstrapOutput(Console.Out));
        services.AddHostedService<Bootstrapper>();
        return services;
    }
}
