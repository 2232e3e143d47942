using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hangar.Storage;

/// <summary>
/// Housekeeping only a file system needs, kept out of <see cref="IBlobStore"/> (an object store has no temporary files:
/// its lifecycle rules and multipart aborts do this). At start and then every
/// <see cref="BlobStorageOptions.TemporaryFileSweepMinutes"/>, removes leftovers of interrupted writes in <c>tmp/</c>:
/// those no live writer holds at once, anything else once untouched for <see cref="BlobStorageOptions.TemporaryFileGraceMinutes"/>.
/// Safe on several nodes sharing the directory.
/// </summary>
internal sealed class FileSystemStoreMaintenance(
    FileSystemBlobStore store, IOptions<BlobStorageOptions> options, TimeProvider time, ILogger<FileSystemStoreMaintenance> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.TemporaryFileSweepMinutes), time);
        do
        {
            try
            {
                var removed = Sweep();
                if (removed > 0)
                {
                    logger.LogInformation("Blob store: removed {Count} temporary files of interrupted writes", removed);
                }
            }
            catch (IOException exception)
            {
                logger.LogWarning("Blob store: sweeping temporary files failed ({Error}); will retry", exception.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One sweep; returns how many leftovers went.</summary>
    public int Sweep() => store.RemoveStaleTemporaryFiles(time.GetUtcNow().AddMinutes(-options.Value.TemporaryFileGraceMinutes));
}
