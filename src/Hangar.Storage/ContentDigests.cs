using System.Security.Cryptography;

namespace Hangar.Storage;

/// <summary>
/// The running hashes of one content: SHA-256 (its name and the hash Hangar verifies) and, in the same pass, SHA-1
/// and MD5, which hawkBit DDI clients check (SWUpdate compares SHA-1, the <c>.MD5SUM</c> file holds MD5). Computing
/// them while the content is read anyway costs CPU only, never another read of a blob.
/// </summary>
internal sealed class ContentDigests : IDisposable
{
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly IncrementalHash _sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
    private readonly IncrementalHash _md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);

    /// <summary>The three digests (lowercase hex) of what was appended so far.</summary>
    public sealed record Values(string Sha256, string Sha1, string Md5);

    public void Append(byte[] buffer, int offset, int count)
    {
        _sha256.AppendData(buffer, offset, count);
        _sha1.AppendData(buffer, offset, count);
        _md5.AppendData(buffer, offset, count);
    }

    public Values Current() => new(
        Convert.ToHexStringLower(_sha256.GetCurrentHash()), Convert.ToHexStringLower(_sha1.GetCurrentHash()), Convert.ToHexStringLower(_md5.GetCurrentHash()));

    public void Dispose()
    {
        _sha256.Dispose();
        _sha1.Dispose();
        _md5.Dispose();
    }
}
