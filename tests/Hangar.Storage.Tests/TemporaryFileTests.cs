using Microsoft.Extensions.Options;

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
