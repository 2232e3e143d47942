using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Firmware;

internal static class FirmwareModule
{
    public static IServiceCollection AddFirmware(this IServiceCollection services)
    {
        services.AddOptions<FirmwareOptions>().BindConfiguration(FirmwareOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<FirmwareOptions>, FirmwareOptionsValidator>();
        services.AddScoped<BinaryContent>();
        services.AddScoped<BinaryLifecycle>();
        services.AddScoped<BinaryHashingLeases>();
        services.AddScoped<BinaryLegacyDigests>();
        services.AddSingleton<BinaryHashingSignal>();
        services.AddSingleton<DownloadUrlKey>();
        services.AddSingleton<DownloadUrlSigner>();
        services.AddSingleton<DownloadUrls>();
        services.AddHostedService<BinaryHashingWorker>();
        services.AddOptions<BlobCollectorOptions>().BindConfiguration(BlobCollectorOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<BlobCollector>();
        return services;
    }

    public static RouteGroupBuilder MapFirmware(this RouteGroupBuilder api)
    {
        api.MapArtifacts();
        api.MapArtifactVersions();
        api.MapBinaries();
        api.MapSigningKeys();
        api.MapBinarySignatures();
        api.MapBundles();
        api.MapServerInfo();
        return api;
    }
}
