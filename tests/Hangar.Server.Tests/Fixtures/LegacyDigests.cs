using System.Security.Cryptography;

namespace Hangar.Server.Tests.Fixtures;

/// <summary>The SHA-1 and MD5 (lowercase hex) of some bytes: what hawkBit DDI clients check.</summary>
internal static class LegacyDigests
{
    public static (string Sha1, string Md5) Of(byte[] content) => (Hex(HashAlgorithmName.SHA1, content), Hex(HashAlgorithmName.MD5, content));

    // IncrementalHash names the algorithm, as the server does: these digests check content, they protect nothing.
    private static string Hex(HashAlgorithmName algorithm, byte[] content)
    {
        using var hash = IncrementalHash.CreateHash(algorithm);
        hash.AppendData(content);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
