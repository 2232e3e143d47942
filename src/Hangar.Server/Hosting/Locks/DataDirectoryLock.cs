using Microsoft.Extensions.Options;

namespace Hangar.Server.Hosting.Locks;

/// <summary>
/// Holds <c>&lt;data&gt;/hangar.lock</c> for as long as the server runs, so two servers never use one data directory
/// unknowingly (two writers of one SQLite file, of the TLS files, of the blob store's temporary files). The lock is the
/// operating system's (<c>flock</c>): it goes with the process, so a crashed server leaves nothing to clean up. Started
/// before every other hosted service, so a refused server has touched nothing.
/// </summary>
internal sealed class DataDirectoryLock(IOptions<ServerOptions> options, ILogger<DataDirectoryLock> logger) : IHostedService, IDisposable
{
    public const string FileName = "hangar.lock";

    private FileStream? _lock;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var server = options.Value;
        var directory = server.DataPath();
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        try
        {
            // .NET takes flock(LOCK_EX) for FileShare.None and flock(LOCK_SH) for a read-only handle that shares.
            _lock = server.DataDirectoryLock == DataDirectoryLockMode.Exclusive
                ? new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None)
                : new FileStream(path, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite);
        }
        catch (IOException exception) when (exception is not (FileNotFoundException or DirectoryNotFoundException))
        {
            var message = server.DataDirectoryLock == DataDirectoryLockMode.Exclusive
                ? $"The data directory {directory} is in use by another Hangar server (it holds {path}). Stop that server, or give this one its own data directory (--data). Nodes that share a data directory on purpose set Server:DataDirectoryLock=Shared on every node."
                : $"The data directory {directory} is held exclusively by another Hangar server (it holds {path}); nodes that share a data directory must all set Server:DataDirectoryLock=Shared.";
            logger.LogCritical("{Message}", message);
            throw new InvalidOperationException(message, exception);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Released when the host is disposed, after every other service stopped using the directory.
    public void Dispose() => _lock?.Dispose();
}
