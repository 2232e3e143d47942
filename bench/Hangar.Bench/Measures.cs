using System.Security.Cryptography;

namespace Hangar.Bench;

/// <summary>Small helpers the benchmarks share.</summary>
internal static class Measures
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>A new file of <paramref name="size"/> random bytes (incompressible, so nothing in the path can shortcut it).</summary>
    public static async Task WriteRandomFileAsync(string path, long size)
    {
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0, FileOptions.Asynchronous);
        var buffer = new byte[8 * 1024 * 1024];
        for (long written = 0; written < size; written += buffer.Length)
        {
            RandomNumberGenerator.Fill(buffer);
            await file.WriteAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, size - written)));
        }
    }
}
