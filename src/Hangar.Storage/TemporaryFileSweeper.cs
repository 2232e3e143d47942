using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hangar.Storage;

/// <summary>Clears <c>tmp/</c> once at start, before requests arrive: anything there belongs to a write a crash interrupted.</summary>
internal sealed class TemporaryFileSweeper(FileSystemBlobStore store, ILogger<TemporaryFileSweeper> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var removed = store.RemoveOrphanedTemporaryFiles();
        if (removed > 0)
        {
            logger.LogInformation("Removed {Count} interrupted blob writes", removed);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
