using System.Text.Json;
using Hangar.Agent.State;
using Hangar.Storage;

namespace Hangar.Agent.Downloads;

/// <summary>
/// Cache layout: <c>partial/KEY</c> (a prefix of the file, kept across restarts) with its sidecar
/// <c>partial/KEY.json</c>, and <c>complete/KEY</c> once size and SHA-256 are verified.
/// </summary>
internal sealed class DownloadCache
{
    public DownloadCache(string root, string key)
    {
        if (key.Length == 0 || key.Length > 128 || key is "." or ".." || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            throw new ArgumentException($"'{key}' cannot name a cache file", nameof(key));
        }

        PartialDirectory = Path.Combine(root, "partial");
        CompleteDirectory = Path.Combine(root, "complete");
        Directory.CreateDirectory(PartialDirectory);
        Directory.CreateDirectory(CompleteDirectory);
        PartialPath = Path.Combine(PartialDirectory, key);
        SidecarPath = PartialPath + ".json";
        CompletePath = Path.Combine(CompleteDirectory, key);
    }

    public string PartialDirectory { get; }

    public string CompleteDirectory { get; }

    public string PartialPath { get; }

    public string SidecarPath { get; }

    public string CompletePath { get; }

    public PartialDownload? ReadSidecar()
    {
        try
        {
            return File.Exists(SidecarPath)
                ? JsonSerializer.Deserialize(File.ReadAllBytes(SidecarPath), PartialDownloadJsonContext.Default.PartialDownload)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void WriteSidecar(PartialDownload sidecar) =>
        AtomicFile.Write(SidecarPath, JsonSerializer.SerializeToUtf8Bytes(sidecar, PartialDownloadJsonContext.Default.PartialDownload));

    public void DeletePartial()
    {
        File.Delete(PartialPath);
        File.Delete(SidecarPath);
        File.Delete(AtomicFile.PreviousPath(SidecarPath));
    }

    /// <summary>Moves the verified partial into <c>complete/</c>, durably.</summary>
    public void Promote()
    {
        File.Move(PartialPath, CompletePath, overwrite: true);
        FileSync.FlushDirectory(CompleteDirectory);
        DeletePartial();
    }
}
