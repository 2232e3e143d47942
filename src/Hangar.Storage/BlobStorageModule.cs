using Microsoft.Extensions.DependencyInjection;

namespace Hangar.Storage;

public static class BlobStorageModule
{
    /// <summary>
    /// The file-system store as <see cref="IBlobStore"/>, with its own maintenance. The host binds and validates
    /// <see cref="BlobStorageOptions"/> (this library stays free of configuration binding, for the agent) and sets
    /// <see cref="BlobStorageOptions.Root"/> (e.g. from its data directory) unless configured.
    /// </summary>
    public static IServiceCollection AddFileSystemBlobStore(this IServiceCollection services)
    {
        services.AddSingleton<FileSystemBlobStore>();
        services.AddSingleton<IBlobStore>(sp => sp.GetRequiredService<FileSystemBlobStore>());
        services.AddHostedService<FileSystemStoreMaintenance>();
        return services;
    }
}
