using System.Globalization;
using Microsoft.Extensions.Options;

namespace Hangar.Storage;

/// <summary>
/// Blobs as files. Parts are staged in <c>uploads/&lt;upload&gt;/NNNNN-&lt;sha256&gt;.part</c>, named by their
/// content and never rewritten; an upload's content is hashed while its parts arrive (<see cref="UploadDigest"/>); a
/// completed upload's directory, with a manifest added, is renamed to <c>objects/ab/&lt;sha256&gt;</c> and read across
/// its part files (<see cref="StoredObjects"/>), so no byte is copied again. Every write first goes to <c>tmp/</c> and
/// is renamed into place, so readers never see a half-written part, manifest or object. Identical content is stored once.
/// </summary>
public sealed class FileSystemBlobStore : IBlobStore, IDisposable
{
    private const int FlushConcurrency = 16;

    private readonly StoredObjects _objects;
    private readonly string _uploads;
    private readonly TemporaryFiles _temporaryFiles;
    private readonly DiskSpace _space;
    private readonly AlignedBufferPool _buffers;
    private readonly bool _syncParts;
    private readonly bool _directIo;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, UploadDigest> _digests = new(StringComparer.Ordinal);

    public FileSystemBlobStore(IOptions<BlobStorageOptions> options, TimeProvider? time = null)
    {
        var root = options.Value.Root ?? throw new InvalidOperationException("BlobStorage:Root is not set.");
        _uploads = Path.Combine(root, "uploads");
        _temporaryFiles = new TemporaryFiles(Path.Combine(root, "tmp"));
        _space = new DiskSpace(root, options.Value.MinFreeBytes);
        _time = time ?? TimeProvider.System;
        _objects = new StoredObjects(Path.Combine(root, "objects"), () => _temporaryFiles.NewDeletionPath(), _time);
        _buffers = new AlignedBufferPool(options.Value.BufferBytes, options.Value.RunningHashMemoryBytes);
        _syncParts = options.Value.SyncParts;
        _directIo = options.Value.DirectIo;
        foreach (var directory in new[] { _objects.Root, _uploads, _temporaryFiles.Directory })
        {
            Directory.CreateDirectory(directory);
        }

        // Leftovers of writes that crashed (this node's last run, or another node's) go at start, not after the grace age.
        _temporaryFiles.RemoveUnheld();
    }

    public async Task<BlobWriteResult> PutPartAsync(
        string uploadId, int index, Stream content, long expectedSize, string expectedSha256, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(index);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedSize);
        var directory = UploadDirectory(uploadId);
        if (!_space.Reserve(expectedSize))
        {
            return new BlobWriteResult(BlobWriteOutcome.InsufficientStorage, 0, "");
        }

        // The temporary file stays open (locked) until it has been renamed into place, so no sweeping server takes it.
        await using var file = CreateTemporaryFile(out var temporary);
        ReceivedBlocks? received = new(_buffers);
        try
        {
            // Unsynced parts are synced when they become an object; starting the writeback of what was buffered now means
            // the disk writes it while the upload goes on, and that sync has little left to wait for.
            var result = await HashedCopy.CopyAsync(
                content, file.SafeFileHandle, expectedSize, expectedSha256, _buffers, _directIo, writeBehind: !_syncParts, received, cancellationToken);
            if (!result.Succeeded)
            {
                return result;
            }

            if (_syncParts)
            {
                file.Flush(flushToDisk: true);
                FileSync.CreateDirectory(directory);
            }
            else
            {
                Directory.CreateDirectory(directory);
            }

            // The name is the content, so an existing file of that name already holds these bytes. Another version
            // of the same part stays until completion: deleting it here could race with a completion that uses it.
            var path = PartPath(directory, index, result.Sha256);
            File.Move(temporary, path, overwrite: true);
            // The lock goes with the handle, not the name: until it is closed, a reader of the renamed part (the
            // digest below starts one at once) is refused as if another process held the file.
            await file.DisposeAsync();
            if (_syncParts)
            {
                FileSync.FlushDirectory(directory);
            }

            Digest(uploadId).Arrived(new UploadDigest.PartFile(index, result.Size, result.Sha256, path), received);
            received = null;
            return result;
        }
        catch (IOException exception) when (OutOfSpace.Is(exception))
        {
            _space.Refused(expectedSize);
            return new BlobWriteResult(BlobWriteOutcome.InsufficientStorage, 0, "");
        }
        finally
        {
            received?.Dispose();
            File.Delete(temporary);
        }
    }

    public async Task<BlobWriteResult> CompleteUploadAsync(
        string uploadId, IReadOnlyList<StagedPart> parts, long expectedSize, string expectedSha256, CancellationToken cancellationToken)
    {
        var directory = UploadDirectory(uploadId);
        var files = parts.Select(part => ResolvePart(directory, part)).OfType<UploadDigest.PartFile>().ToList();
        if (files.Count != parts.Count)
        {
            return new BlobWriteResult(BlobWriteOutcome.MissingPart, 0, "");
        }

        var size = parts.Sum(part => part.Size);
        if (size != expectedSize)
        {
            await AbortUploadAsync(uploadId, cancellationToken);
            return new BlobWriteResult(BlobWriteOutcome.SizeMismatch, size, "");
        }

        string sha256;
        try
        {
            sha256 = await Digest(uploadId).FinishAsync(files, cancellationToken);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return new BlobWriteResult(BlobWriteOutcome.MissingPart, 0, "");
        }
        catch (InvalidDataException)
        {
            // A part file is not the size it was stored with: damaged (a power cut before it was synced), so redo.
            await AbortUploadAsync(uploadId, cancellationToken);
            return new BlobWriteResult(BlobWriteOutcome.SizeMismatch, size, "");
        }

        if (!string.Equals(sha256, expectedSha256, StringComparison.OrdinalIgnoreCase))
        {
            // The parts do not make the declared content: the upload has to be redone, so they go.
            await AbortUploadAsync(uploadId, cancellationToken);
            return new BlobWriteResult(BlobWriteOutcome.HashMismatch, size, sha256);
        }

        // The object is exactly the files just hashed: make them durable, describe them, and move them into place.
        if (!_syncParts)
        {
            await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = FlushConcurrency, CancellationToken = cancellationToken },
                (file, _) =>
                {
                    FileSync.FlushFile(file.Path);
                    return ValueTask.CompletedTask;
                });
        }

        var kept = files.Select(file => Path.GetFileName(file.Path)).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in Directory.EnumerateFiles(directory).Where(path => !kept.Contains(Path.GetFileName(path))))
        {
            // Other versions of re-sent parts, and a manifest of an interrupted completion.
            File.Delete(stale);
        }

        await WriteManifestAsync(directory, new PartManifest(size, sha256, files.Select(file => new PartManifest.Entry(Path.GetFileName(file.Path), file.Size)).ToList()), cancellationToken);
        FileSync.FlushDirectory(directory);
        _objects.Publish(sha256, directory);
        ForgetDigest(uploadId);
        return new BlobWriteResult(BlobWriteOutcome.Stored, size, sha256);
    }

    public Task AbortUploadAsync(string uploadId, CancellationToken cancellationToken)
    {
        ForgetDigest(uploadId);
        StoredObjects.DeleteTree(UploadDirectory(uploadId));
        return Task.CompletedTask;
    }

    public Task<long?> GetSizeAsync(string sha256, CancellationToken cancellationToken) => Task.FromResult(_objects.Size(sha256));

    public Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken) => Task.FromResult(_objects.Open(sha256));

    public Task<Uri?> PresignDownloadAsync(string sha256, TimeSpan validity, CancellationToken cancellationToken) =>
        Task.FromResult<Uri?>(null);

    public Task DeleteAsync(string sha256, CancellationToken cancellationToken)
    {
        _objects.Delete(sha256);
        return Task.CompletedTask;
    }

    public IAsyncEnumerable<StoredBlob> ListObjectsAsync(CancellationToken cancellationToken) => _objects.List().ToAsyncEnumerable();

    public IAsyncEnumerable<StoredBlob> ListUploadsAsync(CancellationToken cancellationToken) =>
        // Every part is renamed into its upload's directory, so the directory's modification time is the last arrival.
        StoredObjects.Describe(new DirectoryInfo(_uploads).EnumerateDirectories(), directory => directory.EnumerateFiles().Sum(file => file.Length))
            .Where(blob => BlobNames.IsUploadId(blob.Name))
            .ToAsyncEnumerable();

    /// <summary>
    /// Deletes leftovers of interrupted writes: at once those no live writer holds, the rest once untouched since
    /// <paramref name="since"/> (<see cref="TemporaryFiles"/>). Returns how many. Run by <see cref="FileSystemStoreMaintenance"/>.
    /// </summary>
    internal int RemoveStaleTemporaryFiles(DateTimeOffset since) => _temporaryFiles.RemoveStale(since);

    public BlobStoreHealth CheckHealth() => _space.Check();

    public void Dispose()
    {
        lock (_digests)
        {
            foreach (var digest in _digests.Values)
            {
                digest.Dispose();
            }

            _digests.Clear();
        }
    }

    private UploadDigest Digest(string uploadId)
    {
        lock (_digests)
        {
            if (!_digests.TryGetValue(uploadId, out var digest))
            {
                digest = new UploadDigest(_buffers, _directIo, _time);
                _digests.Add(uploadId, digest);
            }

            return digest;
        }
    }

    private void ForgetDigest(string uploadId)
    {
        lock (_digests)
        {
            if (_digests.Remove(uploadId, out var digest))
            {
                digest.Dispose();
            }
        }
    }

    /// <summary>The staged file of <paramref name="part"/>, or null when it is not there.</summary>
    private static UploadDigest.PartFile? ResolvePart(string directory, StagedPart part)
    {
        var path = PartPath(directory, part.Index, part.Sha256);
        if (!File.Exists(path))
        {
            // Staged before parts were named by their content; nothing writes this name any more.
            path = Path.Combine(directory, part.Index.ToString("D5", CultureInfo.InvariantCulture) + ".part");
        }

        return File.Exists(path) ? new UploadDigest.PartFile(part.Index, part.Size, part.Sha256, path) : null;
    }

    private async Task WriteManifestAsync(string directory, PartManifest manifest, CancellationToken cancellationToken)
    {
        await using var file = CreateTemporaryFile(out var temporary);
        try
        {
            await file.WriteAsync(System.Text.Encoding.UTF8.GetBytes(manifest.Serialize()), cancellationToken);
            file.Flush(flushToDisk: true);
            File.Move(temporary, Path.Combine(directory, PartManifest.FileName), overwrite: true);
            await file.DisposeAsync(); // released before anyone can open the manifest under its new name
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>
    /// A new temporary file, named after this process and held with an exclusive lock (<c>flock</c>) while it is written
    /// and renamed, so a sweeping server (<see cref="TemporaryFiles"/>) can tell it from a crashed write's leftover.
    /// </summary>
    private FileStream CreateTemporaryFile(out string path)
    {
        for (var attempt = 1; ; attempt++)
        {
            path = _temporaryFiles.NewWritePath();
            try
            {
                var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
                // Between creating the file and locking it, a sweeper may have locked and deleted it: then write another.
                if (File.Exists(path))
                {
                    return file;
                }

                file.Dispose();
            }
            catch (IOException exception) when (attempt < 3 && !OutOfSpace.Is(exception))
            {
                // The sweeper held the lock at that moment and deletes the file; take another name.
            }
        }
    }

    private string UploadDirectory(string uploadId)
    {
        if (!BlobNames.IsUploadId(uploadId))
        {
            throw new ArgumentException("upload ids are 1-64 characters of [a-z0-9-]", nameof(uploadId));
        }

        return Path.Combine(_uploads, uploadId);
    }

    private static string PartPath(string directory, int index, string sha256) =>
        Path.Combine(directory, $"{index.ToString("D5", CultureInfo.InvariantCulture)}-{sha256}.part");
}
