using System.Security.Cryptography;
using Microsoft.AspNetCore.Components.Forms;

namespace Hangar.Console.Firmware;

/// <summary>The SHA-256 of a browser file, whole and per part, computed in one pass over it.</summary>
internal sealed record FileDigests(string Sha256, IReadOnlyList<PartDigest> Parts)
{
    public static async Task<FileDigests> ComputeAsync(IBrowserFile file, long partSize, CancellationToken cancellationToken)
    {
        using var whole = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var parts = new List<PartDigest>();
        await using var stream = file.OpenReadStream(file.Size, cancellationToken);
        var buffer = new byte[partSize];
        for (long offset = 0; offset < file.Size || parts.Count == 0; offset += partSize)
        {
            var length = (int)Math.Min(partSize, file.Size - offset);
            await FillAsync(stream, buffer, length, cancellationToken);
            whole.AppendData(buffer, 0, length);
            parts.Add(new PartDigest(length, Convert.ToHexStringLower(SHA256.HashData(buffer.AsSpan(0, length)))));
        }

        return new FileDigests(Convert.ToHexStringLower(whole.GetHashAndReset()), parts);
    }

    /// <summary>Reads exactly <paramref name="length"/> bytes: the browser's stream answers in small pieces.</summary>
    public static async Task FillAsync(Stream stream, byte[] buffer, int length, CancellationToken cancellationToken) =>
        await stream.ReadExactlyAsync(buffer.AsMemory(0, length), cancellationToken);
}
