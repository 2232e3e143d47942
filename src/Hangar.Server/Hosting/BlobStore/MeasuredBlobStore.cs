using System.Runtime.CompilerServices;
using Hangar.Storage;

namespace Hangar.Server.Hosting.BlobStore;

/// <summary>
/// The server's blob store with its failures counted (<see cref="BlobStoreFailures"/>). A wrapper here rather than
/// counting in the store: Hangar.Storage is shared with the agent and knows nothing of the server's meters. Refused
/// writes (a hash or size mismatch, no room) are answers, not failures; a cancelled call is the caller's.
/// </summary>
internal sealed class MeasuredBlobStore(IBlobStore inner, BlobStoreFailures failures) : IBlobStore
{
    public Task<BlobWriteResult> PutPartAsync(string uploadId, int index, Stream content, long expectedSize, string expectedSha256, CancellationToken cancellationToken) =>
        MeasureAsync("put_part", () => inner.PutPartAsync(uploadId, index, content, expectedSize, expectedSha256, cancellationToken), cancellationToken);

    public Task<BlobWriteResult> CompleteUploadAsync(string uploadId, IReadOnlyList<StagedPart> parts, long expectedSize, string expectedSha256, CancellationToken cancellationToken) =>
        MeasureAsync("complete_upload", () => inner.CompleteUploadAsync(uploadId, parts, expectedSize, expectedSha256, cancellationToken), cancellationToken);

    public Task AbortUploadAsync(string uploadId, CancellationToken cancellationToken) =>
        MeasureAsync("abort_upload", async () => { await inner.AbortUploadAsync(uploadId, cancellationToken); return true; }, cancellationToken);

    public Task<long?> GetSizeAsync(string sha256, CancellationToken cancellationToken) =>
        MeasureAsync("get_size", () => inner.GetSizeAsync(sha256, cancellationToken), cancellationToken);

    public Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken) =>
        MeasureAsync("open_read", () => inner.OpenReadAsync(sha256, cancellationToken), cancellationToken);

    public Task<Uri?> PresignDownloadAsync(string sha256, TimeSpan validity, CancellationToken cancellationToken) =>
        MeasureAsync("presign_download", () => inner.PresignDownloadAsync(sha256, validity, cancellationToken), cancellationToken);

    public Task DeleteAsync(string sha256, CancellationToken cancellationToken) =>
        MeasureAsync("delete", async () => { await inner.DeleteAsync(sha256, cancellationToken); return true; }, cancellationToken);

    public IAsyncEnumerable<StoredBlob> ListObjectsAsync(CancellationToken cancellationToken) =>
        MeasureAsync("list_objects", inner.ListObjectsAsync(cancellationToken), cancellationToken);

    public IAsyncEnumerable<StoredBlob> ListUploadsAsync(CancellationToken cancellationToken) =>
        MeasureAsync("list_uploads", inner.ListUploadsAsync(cancellationToken), cancellationToken);

    public BlobStoreHealth CheckHealth() => inner.CheckHealth();

    private async Task<T> MeasureAsync<T>(string operation, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            failures.Failed(operation);
            throw;
        }
    }

    private async IAsyncEnumerable<StoredBlob> MeasureAsync(string operation, IAsyncEnumerable<StoredBlob> blobs, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var enumerator = blobs.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await enumerator.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                failures.Failed(operation);
                throw;
            }

            yield return enumerator.Current;
        }
    }
}
