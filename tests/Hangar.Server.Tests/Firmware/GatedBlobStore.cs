using Hangar.Storage;

namespace Hangar.Server.Tests.Firmware;

/// <summary>The real store, except that joining an upload waits at a gate the test opens, so a test can hold a node mid-hash.</summary>
internal sealed class GatedBlobStore(IBlobStore inner) : IBlobStore
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _joins;

    /// <summary>Completes when a join first reaches the gate.</summary>
    public Task Entered => _entered.Task;

    public int Joins => Volatile.Read(ref _joins);

    public void Open() => _open.TrySetResult();

    public async Task<BlobWriteResult> CompleteUploadAsync(
        string uploadId, IReadOnlyList<StagedPart> parts, long expectedSize, string expectedSha256, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _joins);
        _entered.TrySetResult();
        await _open.Task.WaitAsync(cancellationToken);
        return await inner.CompleteUploadAsync(uploadId, parts, expectedSize, expectedSha256, cancellationToken);
    }

    public Task<BlobWriteResult> PutPartAsync(string uploadId, int index, Stream content, long expectedSize, string expectedSha256, CancellationToken cancellationToken) =>
        inner.PutPartAsync(uploadId, index, content, expectedSize, expectedSha256, cancellationToken);

    public Task AbortUploadAsync(string uploadId, CancellationToken cancellationToken) => inner.AbortUploadAsync(uploadId, cancellationToken);

    public Task<long?> GetSizeAsync(string sha256, CancellationToken cancellationToken) => inner.GetSizeAsync(sha256, cancellationToken);

    public Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken) => inner.OpenReadAsync(sha256, cancellationToken);

    public Task<Uri?> PresignDownloadAsync(string sha256, TimeSpan validity, CancellationToken cancellationToken) =>
        inner.PresignDownloadAsync(sha256, validity, cancellationToken);

    public Task DeleteAsync(string sha256, CancellationToken cancellationToken) => inner.DeleteAsync(sha256, cancellationToken);

    public IAsyncEnumerable<StoredBlob> ListObjectsAsync(CancellationToken cancellationToken) => inner.ListObjectsAsync(cancellationToken);

    public IAsyncEnumerable<StoredBlob> ListUploadsAsync(CancellationToken cancellationToken) => inner.ListUploadsAsync(cancellationToken);

    public BlobStoreHealth CheckHealth() => inner.CheckHealth();
}
