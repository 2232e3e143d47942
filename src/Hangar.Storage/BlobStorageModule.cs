using Microsoft.Extensions.DependencyInjection;

namespace Hangar.Storage;

public static class BlobStorageModule
{
    /// <summary>The file-system store; the host sets <see cref="BlobStorageOptions.Root"/> (e.g. from its data directory) unless configured.</summary>
    public static IServiceCollection AddBlobStorage(this IServiceCollection services)
    {
        services.AddOptions<BlobStorageOptions>().BindConfiguration(BlobStorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<FileSystemBlobStore>();
        services.AddSingleton<IBlobStore>(sp => sp.GetRequiredService<FileSystemBlobStore>());
        return services;
    }
}
