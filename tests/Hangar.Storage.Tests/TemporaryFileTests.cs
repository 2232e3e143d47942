using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Hangar.Storage.Tests;

/// <summary>
/// Writes in progress hold their temporary file locked; a starting store (this node restarting, or another node on the
/// same blob directory) removes the leftovers of crashed writes at once and leaves live writes alone.
/// </summary>
public sealed class TemporaryFileTests : IDisposable
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly string _root = Directory.CreateTempSubdirectory("hangar-blobs-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task StartingStore_RemovesACrashedWritesLeftoverAtOnce_AndKeepsAnotherNodesWriteInProgress()
    {
        using var writer = NewStore();
        var data = FileSystemBlobStoreTests.Bytes(64 * 1024, 7);
        var body = new StallingStream(data, stallAfter: 4096);
        var upload = writer.PutPartAsync("u1", 1, body, data.Length, FileSystemBlobStoreTests.Sha(data), Cancel);
        await body.Stalled.WaitAsync(Cancel);
        var inProgress = Assert.Single(TemporaryEntries());
        Assert.StartsWith($"{Environment.MachineName.ToLowerInvariant()}.{Environment.ProcessId}.", Path.GetFileName(inProgress), StringComparison.Ordinal);
        // What a server killed mid-write leaves: a fresh file that nobody holds any more.
        var leftover = Path.Combine(_root, "tmp", "other-host.4242.0123456789abcdef.tmp");
        await File.WriteAllBytesAsync(leftover, new byte[1000], Cancel);

        using var starting = NewStore();

        Assert.Equal([inProgress], TemporaryEntries());
        body.Resume();
        Assert.True((await upload).Succeeded);
        Assert.Empty(TemporaryEntries());
    }

    [Fact]
    public async Task Maintenance_SweepsOnItsInterval_UnheldWritesAtOnce_InterruptedDeletionsOnlyPastTheGraceAge()
    {
        var options = Options.Create(new BlobStorageOptions { Root = _root, MinFreeBytes = 0, TemporaryFileSweepMinutes = 10, TemporaryFileGraceMinutes = 60 });
        using var store = new FileSystemBlobStore(options);
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        using var maintenance = new FileSystemStoreMaintenance(store, options, time, NullLogger<FileSystemStoreMaintenance>.Instance);
        await maintenance.StartAsync(Cancel);
        // Left by a crash after the store started: a write nobody holds, and an object renamed away to be deleted.
        var crashedWrite = Path.Combine(_root, "tmp", "other-host.4242.0123456789abcdef.tmp");
        await File.WriteAllBytesAsync(crashedWrite, new byte[10], Cancel);
        var crashedDeletion = Directory.CreateDirectory(Path.Combine(_root, "tmp", "other-host.4242.fedcba9876543210.deleting")).FullName;

        time.Advance(TimeSpan.FromMinutes(10));
        await WaitUntilAsync(() => !File.Exists(crashedWrite));
        Assert.True(Directory.Exists(crashedDeletion));

        time.Advance(TimeSpan.FromMinutes(60));
        await WaitUntilAsync(() => !Directory.Exists(crashedDeletion));
        await maintenance.StopAsync(Cancel);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(10);
        while (!condition())
        {
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, "the maintenance did not sweep in time");
            await Task.Delay(20, Cancel);
        }
    }

    private string[] TemporaryEntries() => Directory.GetFileSystemEntries(Path.Combine(_root, "tmp"));

    private FileSystemBlobStore NewStore() =>
        new(Options.Create(new BlobStorageOptions { Root = _root, BufferBytes = 4096, MinFreeBytes = 0 }));

    /// <summary>A request body that stops after some bytes until the test lets it go on.</summary>
    private sealed class StallingStream(byte[] data, int stallAfter) : MemoryStream(data)
    {
        private readonly TaskCompletionSource _stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _resume = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Stalled => _stalled.Task;

        public void Resume() => _resume.TrySetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Position >= stallAfter && !_resume.Task.IsCompleted)
            {
                _stalled.TrySetResult();
                await _resume.Task.WaitAsync(cancellationToken);
            }

            return await base.ReadAsync(buffer[..Math.Min(buffer.Length, stallAfter)], cancellationToken);
        }
    }
}
