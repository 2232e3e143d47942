using System.Text.Json.Nodes;
using Hangar.Agent.Configuration;
using Hangar.Agent.State;
using Hangar.Storage;

namespace Hangar.Agent.Installers;

/// <summary>
/// Copies the binary to <c>DIRECTORY/BINARY_ID</c> atomically, then points the symlink <c>DIRECTORY/NAME</c> at it
/// (a new link renamed over the old one), so readers of NAME see the old file or the new one, never a mix.
/// Options: <c>directory</c> (inside one of installers.file.roots) and <c>name</c>.
/// </summary>
public sealed class FileInstaller(FileInstallerConfig config) : IInstaller
{
    public string Name => "file";

    /// <summary>The link <c>DIRECTORY/NAME</c> the software reads.</summary>
    public string RunningTarget(string artifact, JsonObject options)
    {
        InstallerMetadata.TryGetString(options, "directory", out var directory);
        InstallerMetadata.TryGetString(options, "name", out var name);
        return $"file:{Path.Join(directory, name)}";
    }

    public async Task<InstallOutcome> InstallAsync(InstallRequest request, CancellationToken cancellationToken)
    {
        if (!InstallerMetadata.TryGetString(request.Options, "directory", out var directory) || string.IsNullOrWhiteSpace(directory))
        {
            return InstallOutcome.Failed("file installer: option \"directory\" is required");
        }

        if (!InstallerMetadata.TryGetString(request.Options, "name", out var name) || !InstallersConfigValidator.IsPlainFileName(name))
        {
            return InstallOutcome.Failed("file installer: option \"name\" must be a plain file name");
        }

        var target = Path.GetFullPath(directory);
        if (!config.Roots.Any(root => IsInside(target, Path.GetFullPath(root))))
        {
            return InstallOutcome.Failed($"file installer: {target} is outside installers.file.roots");
        }

        if (!InstallersConfigValidator.IsPlainFileName(request.BinaryId))
        {
            return InstallOutcome.Failed($"file installer: binary id '{request.BinaryId}' cannot name a file");
        }

        Directory.CreateDirectory(target);
        var versioned = Path.Combine(target, request.BinaryId);
        var temporary = AtomicFile.TemporaryPath(versioned);
        await using (var source = File.OpenRead(request.FilePath))
        await using (var destination = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            await source.CopyToAsync(destination, cancellationToken);
            destination.Flush(flushToDisk: true);
        }

        File.Move(temporary, versioned, overwrite: true);

        var link = Path.Combine(target, name!);
        var newLink = link + ".link-tmp";
        File.Delete(newLink);
        File.CreateSymbolicLink(newLink, request.BinaryId);
        File.Move(newLink, link, overwrite: true);
        FileSync.FlushDirectory(target);
        return new InstallOutcome(true, false, $"installed {versioned}, {link} points to it");
    }

    private static bool IsInside(string path, string root)
    {
        root = Path.TrimEndingDirectorySeparator(root);
        return path == root || path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}
