namespace Hangar.Storage;

/// <summary>
/// The <c>objects/</c> tree of the file-system store. An object is named by its SHA-256 under <c>objects/ab/</c> and is
/// either a directory holding the part files it was uploaded in and their <see cref="PartManifest"/>, or, as stored
/// before parts were kept, a single file with the content. Both are read, listed and deleted the same way; only
/// directories are written now.
/// </summary>
internal sealed class StoredObjects(string root, Func<string> newTemporaryPath, TimeProvider time)
{
    public string Root => root;

    /// <summary>The object's size, or null when there is none.</summary>
    public long? Size(string sha256)
    {
        var path = PathOf(sha256);
        if (File.Exists(path))
        {
            return new FileInfo(path).Length;
        }

        return Directory.Exists(path) ? ReadManifest(path).Size : null;
    }

    /// <summary>A seekable stream over the object's content, or null when there is none.</summary>
    public Stream? Open(string sha256)
    {
        var path = PathOf(sha256);
        if (File.Exists(path))
        {
            return new SegmentedReadStream([(path, new FileInfo(path).Length)]);
        }

        if (!Directory.Exists(path))
        {
            return null;
        }

        var manifest = ReadManifest(path);
        return new SegmentedReadStream(manifest.Parts.Select(part => (Path.Combine(path, part.File), part.Size)).ToList());
    }

    /// <summary>
    /// Moves <paramref name="directory"/> (parts, manifest, all durable) into place as object <paramref name="sha256"/>.
    /// If the object is already stored, that copy stays (a download may be reading it) and is marked as just written, so
    /// garbage collection keeps it; the new directory is deleted. Returns once the object's entry is durable.
    /// </summary>
    public void Publish(string sha256, string directory)
    {
        var target = PathOf(sha256);
        var parent = Path.GetDirectoryName(target)!;
        FileSync.CreateDirectory(parent);
        if (!Exists(target))
        {
            try
            {
                Directory.Move(directory, target);
            }
            catch (IOException) when (Exists(target))
            {
                // Another upload of the same content won the race.
            }
        }

        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        // Always marked fresh: the listing's last-write time is one of the collector's guards (with the database's).
        Touch(target);
        FileSync.FlushDirectory(parent);
    }

    /// <summary>
    /// Renames the object away into <c>tmp/</c>, then deletes it there: it disappears as one step, and a crash mid-delete
    /// leaves the remains where the maintenance sweep finds them, not a half-deleted object that still looks stored.
    /// </summary>
    public void Delete(string sha256)
    {
        var path = PathOf(sha256);
        var moved = newTemporaryPath();
        try
        {
            Move(path, moved);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            // Already gone: another node's collector, or a release racing it.
            return;
        }

        DeleteTree(moved);
    }

    public IEnumerable<StoredBlob> List() =>
        Directory.EnumerateDirectories(root)
            .SelectMany(directory => Describe(new DirectoryInfo(directory).EnumerateFileSystemInfos(), ContentSize))
            .Where(blob => BlobNames.IsSha256(blob.Name));

    public string PathOf(string sha256)
    {
        if (!BlobNames.IsSha256(sha256))
        {
            throw new ArgumentException("not a lowercase hex SHA-256", nameof(sha256));
        }

        return Path.Combine(root, sha256[..2], sha256);
    }

    /// <summary>Deletes a file or a directory with everything in it; already gone is fine.</summary>
    public static void DeleteTree(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
            else
            {
                File.Delete(path);
            }
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone: another node's collector, or an abort racing a completion.
        }
    }

    /// <summary>
    /// Files and directories as garbage collection sees them: a file's size is its length, a directory's what
    /// <paramref name="directorySize"/> says. Entries that vanish while listed (a concurrent delete) are skipped.
    /// </summary>
    public static IEnumerable<StoredBlob> Describe(IEnumerable<FileSystemInfo> entries, Func<DirectoryInfo, long> directorySize)
    {
        foreach (var entry in entries)
        {
            StoredBlob? blob;
            try
            {
                var size = entry is DirectoryInfo directory ? directorySize(directory) : ((FileInfo)entry).Length;
                blob = new StoredBlob(entry.Name, size, new DateTimeOffset(entry.LastWriteTimeUtc, TimeSpan.Zero));
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

    private static void Move(string source, string destination)
    {
        if (Directory.Exists(source))
        {
            Directory.Move(source, destination);
        }
        else
        {
            File.Move(source, destination, overwrite: false);
        }
    }

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);

    private void Touch(string path)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (Directory.Exists(path))
        {
            Directory.SetLastWriteTimeUtc(path, now);
        }
        else
        {
            File.SetLastWriteTimeUtc(path, now);
        }
    }

    /// <summary>An object directory's content size; one without a readable manifest (which nothing writes) counts what it holds.</summary>
    private static long ContentSize(DirectoryInfo directory)
    {
        try
        {
            return ReadManifest(directory.FullName).Size;
        }
        catch (InvalidDataException)
        {
            return directory.EnumerateFiles().Sum(file => file.Length);
        }
    }

    private static PartManifest ReadManifest(string directory) =>
        PartManifest.Parse(File.ReadAllText(Path.Combine(directory, PartManifest.FileName)));
}
