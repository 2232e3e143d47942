using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Hangar.Storage;

/// <summary>
/// Blobs as files: <c>objects/ab/&lt;sha256&gt;</c>, staged parts in <c>uploads/&lt;upload&gt;/</c>, and every write
/// first goes to <c>tmp/</c>, is hashed while it streams, fsynced, then renamed into place, so a crash never leaves a
/// half-written object or part where readers look. Identical content is one file.
/// </summary>
public sealed class FileSystemBlobStore : IBlobStore
{
    private readonly string _objects;
    private readonly string _uploads;
    private readonly string _temporary;
    private readonly int _bufferBytes;
    private readonly bool _syncParts;

    public FileSystemBlobStore(IOptions<BlobStorageOptions> options)
    {
        var root = options.Value.Root ?? throw new InvalidOperationException("BlobStorage:Root is not set.");
        _objects = Path.Combine(root, "objects");
        _uploads = Path.Combine(root, "uploads");
        _temporary = Path.Combine(root, "tmp");
        _bufferBytes = options.Value.BufferBytes;
        _syncParts = options.Value.SyncParts;
        foreach (var directory in new[] { _objects, _uploads, _temporary })
        {
            Directory.CreateDirectory(directory);
        }
    }

    /// <summary>
    /// Deletes leftovers of writes that a crash or kill interrupted. Only safe before the store takes writes, so the
    /// server calls it once at start.
    /// </summary>
    public async Task<BlobWriteResult> PutPartAsync(
        string uploadId, int index, Stream content, long expectedSize, string expectedSha256, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedSize);
        var directory = UploadDirectory(uploadId);
        var temporary = NewTemporaryPath();
        try
        {
            BlobWriteResult result;
            await using (var file = CreateTemporaryFile(temporary))
            {
                result = await HashedCopy.CopyAsync([content], file, expectedSize, expectedSha256, _bufferBytes, writeBehind: false, cancellationToken);
                if (!result.Succeeded)
                {
                    return result;
                }

                await file.FlushAsync(cancellationToken);
                if (_syncParts)
                {
                    file.Flush(flushToDisk: true);
                }
            }

            if (_syncParts)
            {
                FileSync.CreateDirectory(directory);
            }
            else
            {
                Directory.CreateDirectory(directory);
            }

            File.Move(temporary, PartPath(directory, index), overwrite: true);
            if (_syncParts)
            {
                FileSync.FlushDirectory(directory);
            }

            return result;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public async Task<BlobWriteResult> CompleteUploadAsync(
        string uploadId, IReadOnlyList<int> partIndexes, long expectedSize, string expectedSha256, CancellationToken cancellationToken)
    {
        var uploadDirectory = UploadDirectory(uploadId);
        var paths = partIndexes.Select(index => PartPath(uploadDirectory, index)).ToList();
        if (paths.Any(path => !File.Exists(path)))
        {
            return new BlobWriteResult(BlobWriteOutcome.MissingPart, 0, "");
        }

        var temporary = NewTemporaryPath();
        var parts = new List<Stream>(paths.Count);
        var finished = false;
        try
        {
            BlobWriteResult result;
            await using (var file = CreateTemporaryFile(temporary))
            {
                parts.AddRange(paths.Select(path => (Stream)new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan)));
                result = await HashedCopy.CopyAsync(parts, file, expectedSize, expectedSha256, _bufferBytes, writeBehind: true, cancellationToken);
                if (!result.Succeeded)
                {
                    // The parts do not make the declared content: the upload has to be redone, so they go.
                    finished = true;
                    return result;
                }

                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }

            var target = ObjectPath(result.Sha256);
            var directory = Path.GetDirectoryName(target)!;
            FileSync.CreateDirectory(directory);
            // Same name means same bytes, so replacing an existing copy is harmless, and always renaming means an
            // object whose deletion raced with this upload is back when this call returns (with a fresh modification
            // time, which is what keeps garbage collection off it).
            File.Move(temporary, target, overwrite: true);
            FileSync.FlushDirectory(directory);
            finished = true;
            return result;
        }
        finally
        {
            foreach (var part in parts)
            {
                await part.DisposeAsync();
            }

            File.Delete(temporary);
            // An interrupted join (cancelled, failed, out of disk) keeps the parts, so it can be run again.
            if (finished)
            {
                DeleteDirectory(uploadDirectory);
            }
        }
    }

    public Task AbortUploadAsync(string uploadId, CancellationToken cancellationToken)
    {
        DeleteDirectory(UploadDirectory(uploadId));
        return Task.CompletedTask;
    }

    public Task<long?> GetSizeAsync(string sha256, CancellationToken cancellationToken)
    {
        var file = new FileInfo(ObjectPath(sha256));
        return Task.FromResult(file.Exists ? file.Length : (long?)null);
    }

    public Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken)
    {
        var path = ObjectPath(sha256);
        Stream? stream = File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous) : null;
        return Task.FromResult(stream);
    }

    public string? LocalPath(string sha256)
    {
        var path = ObjectPath(sha256);
        return File.Exists(path) ? path : null;
    }

    public Task<Uri?> PresignDownloadAsync(string sha256, TimeSpan validity, CancellationToken cancellationToken) =>
        Task.FromResult<Uri?>(null);

    public Task DeleteAsync(string sha256, CancellationToken cancellationToken)
    {
        File.Delete(ObjectPath(sha256));
        return Task.CompletedTask;
    }

    public IAsyncEnumerable<StoredBlob> ListObjectsAsync(CancellationToken cancellationToken) =>
        Directory.EnumerateDirectories(_objects)
            .SelectMany(directory => Describe(new DirectoryInfo(directory).EnumerateFiles(), file => file.LastWriteTimeUtc))
            .Where(blob => BlobNames.IsSha256(blob.Name))
            .ToAsyncEnumerable();

    public IAsyncEnumerable<StoredBlob> ListUploadsAsync(CancellationToken cancellationToken) =>
        // Every part is renamed into its upload's directory, so the directory's modification time is the last arrival.
        Describe(new DirectoryInfo(_uploads).EnumerateDirectories(), directory => directory.LastWriteTimeUtc)
            .Where(blob => BlobNames.IsUploadId(blob.Name))
            .ToAsyncEnumerable();

    public Task<bool> DeleteIfUnchangedSinceAsync(string sha256, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var path = ObjectPath(sha256);
        if (!File.Exists(path) || File.GetLastWriteTimeUtc(path) >= since.UtcDateTime)
        {
            return Task.FromResult(false);
        }

        // Moving the file away first makes the check and the deletion one step: if an upload renamed fresh bytes into
        // place just after the check above, it is those fresh bytes that were moved, and they go back.
        var moved = NewTemporaryPath();
        try
        {
            File.Move(path, moved);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult(false);
        }

        if (File.GetLastWriteTimeUtc(moved) >= since.UtcDateTime)
        {
            try
            {
                File.Move(moved, path, overwrite: false);
            }
            catch (IOException)
            {
                // Another upload already put the same bytes back.
                File.Delete(moved);
            }

            return Task.FromResult(false);
        }

        File.Delete(moved);
        return Task.FromResult(true);
    }

    public Task<int> RemoveStaleTemporaryFilesAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var file in new DirectoryInfo(_temporary).EnumerateFiles())
        {
            // A write in progress touches its file with every buffer it writes.
            if (file.LastWriteTimeUtc < since.UtcDateTime)
            {
                file.Delete();
                removed++;
            }
        }

        return Task.FromResult(removed);
    }

    private static FileStream CreateTemporaryFile(string path) =>
        new(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);

    private string NewTemporaryPath() =>
        Path.Combine(_temporary, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + ".tmp");

    private string ObjectPath(string sha256)
    {
        if (!BlobNames.IsSha256(sha256))
        {
            throw new ArgumentException("not a lowercase hex SHA-256", nameof(sha256));
        }

        return Path.Combine(_objects, sha256[..2], sha256);
    }

    private string UploadDirectory(string uploadId)
    {
        if (!BlobNames.IsUploadId(uploadId))
        {
            throw new ArgumentException("upload ids are 1-64 characters of [a-z0-9-]", nameof(uploadId));
        }

        return Path.Combine(_uploads, uploadId);
    }

    private static string PartPath(string directory, int index) =>
        Path.Combine(directory, index.ToString("D5", CultureInfo.InvariantCulture) + ".part");

    /// <summary>Entries that vanish while being listed (deleted by a concurrent request) are skipped.</summary>
    private static IEnumerable<StoredBlob> Describe<T>(IEnumerable<T> entries, Func<T, DateTime> lastModified) where T : FileSystemInfo
    {
        foreach (var entry in entries)
        {
            StoredBlob? blob;
            try
            {
                var size = entry switch
                {
                    FileInfo file => file.Length,
                    DirectoryInfo directory => directory.EnumerateFiles().Sum(file => file.Length),
                    _ => 0,
                };
                blob = new StoredBlob(entry.Name, size, new DateTimeOffset(lastModified(entry), TimeSpan.Zero));
            }
            catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
            {
                blob = null;
            }

            if (blob is not null)
            {
                yield return blob;
            }
        }
    }

    private static void DeleteDirectory(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone: another node's collector, or an abort racing a completion.
        }
    }
}
