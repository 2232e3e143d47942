namespace Hangar.Server.Hosting.Tls;

internal static class TlsModule
{
    /// <summary>
    /// After the database: the certificate lives there, and its watcher loads it when it starts, which must be after
    /// the migrator and before the listeners bind.
    /// </summary>
    public static IServiceCollection AddServerTls(this IServiceCollection services)
    {
        services.AddOptions<TlsOptions>().BindConfiguration(TlsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ServerCertificateStore>();
        services.AddHostedService<ServerCertificateWatcher>();
        return services;
    }
}
