namespace Hangar.Storage;

/// <summary>
/// Where binary content lives: immutable objects addressed by their SHA-256, plus staged multipart uploads that
/// become an object on completion. Shaped after S3 (CreateMultipartUpload / UploadPart / CompleteMultipartUpload,
/// which also keeps an object as the parts it was uploaded in) so an object store can implement it and hand out
/// presigned URLs instead of streaming through the server. Only what an object store can do belongs here: housekeeping
/// of a file system (temporary files of interrupted writes) is the file-system store's own (<see cref="FileSystemStoreMaintenance"/>).
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

    /// <summary>
    /// Deletes the object; it disappears as one step (readers that opened it may finish). Content addressing means callers
    /// delete only when no record still refers to it: the server decides that from its database, with a grace period
    /// (see <c>BlobCollector</c>), so a store needs no conditional delete.
    /// </summary>
    Task DeleteAsync(string sha256, CancellationToken cancellationToken);

    /// <summary>Every stored object, for garbage collection: name (SHA-256), size, and when it was last written.</summary>
    IAsyncEnumerable<StoredBlob> ListObjectsAsync(CancellationToken cancellationToken);

    /// <summary>Every staged upload, for garbage collection: name (upload id), bytes staged, and when a part last arrived.</summary>
    IAsyncEnumerable<StoredBlob> ListUploadsAsync(CancellationToken cancellationToken);

    /// <summary>Whether the store can take writes (for health): enough free space, as far as the store can tell.</summary>
    BlobStoreHealth CheckHealth();
}
