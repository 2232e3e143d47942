namespace Hangar.Storage;

/// <summary>
/// Where binary content lives: immutable objects addressed by their SHA-256, plus staged multipart uploads that
/// become an object on completion. Shaped after S3 (CreateMultipartUpload / UploadPart / CompleteMultipartUpload,
/// which also keeps an object as the parts it was uploaded in) so an object store can implement it and hand out
/// presigned URLs instead of streaming through the server.
/// </summary>
public interface IBlobStore
{
    /// <summary>
    /// Stores one part of upload <paramref name="uploadId"/> from <paramref name="content"/>, streamed while hashed.
    /// The part is kept only if exactly <paramref name="expectedSize"/> bytes with SHA-256 <paramref name="expectedSha256"/>
    /// arrived; a re-sent part replaces the previous one atomically.
    /// </summary>
    Task<BlobWriteResult> PutPartAsync(string uploadId, int index, Stream content, long expectedSize, string expectedSha256, CancellationToken cancellationToken);

    /// <summary>
    /// Makes the parts, in the order given, one object. Before it becomes visible the store has hashed every byte of
    /// exactly the content it will serve (a store may have done much of that while the parts arrived) and found
    /// <paramref name="expectedSha256"/> and <paramref name="expectedSize"/>; otherwise nothing is visible and the
    /// staged parts are removed. An interrupted call (cancelled, failed) keeps the parts, so it can be repeated.
    /// </summary>
    Task<BlobWriteResult> CompleteUploadAsync(string uploadId, IReadOnlyList<StagedPart> parts, long expectedSize, string expectedSha256, CancellationToken cancellationToken);

    /// <summary>Deletes every staged part of an upload. Unknown uploads are not an error.</summary>
    Task AbortUploadAsync(string uploadId, CancellationToken cancellationToken);

    /// <summary>The size of the stored object, or null when there is none.</summary>
    Task<long?> GetSizeAsync(string sha256, CancellationToken cancellationToken);

    /// <summary>Opens the object for reading, seekable so that range requests can start anywhere, or null when there is none.</summary>
    Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken);

    /// <summary>
    /// A URL the client can fetch the object from directly (an object store's presigned GET), or null when the store
    /// cannot issue one and the server must stream the bytes itself, as the file-system store does.
    /// </summary>
    Task<Uri?> PresignDownloadAsync(string sha256, TimeSpan validity, CancellationToken cancellationToken);

    /// <summary>Deletes the object. Content addressing means callers delete only when no record still refers to it.</summary>
    Task DeleteAsync(string sha256, CancellationToken cancellationToken);

    /// <summary>Every stored object, for garbage collection: name (SHA-256), size, and when it was last written.</summary>
    IAsyncEnumerable<StoredBlob> ListObjectsAsync(CancellationToken cancellationToken);

    /// <summary>Every staged upload, for garbage collection: name (upload id), bytes staged, and when a part last arrived.</summary>
    IAsyncEnumerable<StoredBlob> ListUploadsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the object only if it was last written before <paramref name="since"/>, as one step with the check: an
    /// upload that (re)writes the same content concurrently always wins, because a completed upload rewrites its
    /// object. Returns whether it deleted something.
    /// </summary>
    Task<bool> DeleteIfUnchangedSinceAsync(string sha256, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes leftovers of interrupted writes that nothing has touched since <paramref name="since"/>; a store that can
    /// tell that no live writer holds a leftover deletes it whatever its age. Returns how many.
    /// </summary>
    Task<int> RemoveStaleTemporaryFilesAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Whether the store can take writes (for health): enough free space, as far as the store can tell.</summary>
    BlobStoreHealth CheckHealth();
}
