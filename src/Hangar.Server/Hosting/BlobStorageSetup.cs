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
        return services;
    }
}
