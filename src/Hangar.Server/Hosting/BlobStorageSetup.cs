using Hangar.Server.Hosting.BlobStore;
using Hangar.Storage;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Hosting;

internal static class BlobStorageSetup
{
    /// <summary>The blob store, under <c>&lt;data directory&gt;/blobs</c> unless <c>BlobStorage:Root</c> says otherwise.</summary>
    public static IServiceCollection AddHangarBlobStorage(this IServiceCollection services)
    {
        services.AddOptions<BlobStorageOptions>().BindConfiguration(BlobStorageOptions.Section).ValidateDataAnnotations().ValidateOnStart()
            .PostConfigure<IOptions<ServerOptions>>((blobs, server) => blobs.Root ??= server.Value.DataPath("blobs"));
        services.AddFileSystemBlobStore();
        // The server's features see the store through the wrapper that counts its failures.
        services.AddSingleton<BlobStoreFailures>();
        services.AddSingleton<IBlobStore>(provider =>
            new MeasuredBlobStore(provider.GetRequiredService<FileSystemBlobStore>(), provider.GetRequiredService<BlobStoreFailures>()));
        return services;
    }
}
