using Hangar.Storage;

namespace Hangar.Server.Tests.Firmware;

/// <summary>
/// The real store, except that it issues presigned URLs as an object store would (at a made-up host that names the
/// object and the validity asked for), so a test sees where the server hands them out.
/// </summary>
internal sealed class PresigningBlobStore(IBlobStore inner) : IBlobStore
{
    public const string Host = "https://objects.example";

    public static string UrlOf(string sha256, TimeSpan validity) => $"{Host}/{sha256}?validity={(int)validity.TotalSeconds}";

    public Task<Uri?> PresignDownloadAsync(string sha256, TimeSpan validity, CancellationToken cancellationToken) =>
        Task.FromResult<Uri?>(new Uri(UrlOf(sha256, validity)));

    public Task<BlobWriteResult> PutPartAsync(string uploadId, int index, Stream content, long expectedSize, string expectedSha256, CancellationToken cancellationToken) =>
        inner.PutPartAsync(uploadId, index, content, expectedSize, expectedSha256, cancellationToken);

    public Task<BlobWriteResult> CompleteUploadAsync(
        string uploadId, IReadOnlyList<StagedPart> parts, long expectedSize, string expectedSha256, CancellationToken cancellationToken) =>
        inner.CompleteUploadAsync(uploadId, parts, expectedSize, expectedSha256, cancellationToken);

    public Task AbortUploadAsync(string uploadId, CancellationToken cancellationToken) => inner.AbortUploadAsync(uploadId, cancellationToken);

    public Task<long?> GetSizeAsync(string sha256, CancellationToken cancellationToken) => inner.GetSizeAsync(sha256, cancellationToken);

    public Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken) => inner.OpenReadAsync(sha256, cancellationToken);

    public Task DeleteAsync(string sha256, CancellationToken cancellationToken) => inner.DeleteAsync(sha256, cancellationToken);

    public IAsyncEnumerable<StoredBlob> ListObjectsAsync(CancellationToken cancellationToken) => inner.ListObjectsAsync(cancellationToken);

    public IAsyncEnumerable<StoredBlob> ListUploadsAsync(CancellationToken cancellationToken) => inner.ListUploadsAsync(cancellationToken);

    public BlobStoreHealth CheckHealth() => inner.CheckHealth();
}
