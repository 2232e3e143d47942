using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Hangar.Server.Features.Firmware;

/// <summary>
/// Download tokens: the binary id and an expiry, authenticated with HMAC-SHA256 under a server secret, so a device
/// or script can fetch one binary for a while without an API key. The secret is the installation's
/// (<see cref="DownloadUrlKey"/>, in the database), so every node accepts the same URLs and a restart does not
/// invalidate URLs handed out.
/// </summary>
internal sealed class DownloadUrlSigner
{
    private static readonly byte[] Purpose = Encoding.ASCII.GetBytes("hangar binary download v1\n");
    private const int IdBytes = 16;
    private const int ExpiryBytes = 8;
    private const int MacBytes = 32;

    private readonly byte[] _key;

    public DownloadUrlSigner(DownloadUrlKey key) => _key = key.Bytes;

    public string Sign(Guid binaryId, DateTimeOffset expiresAt)
    {
        var token = new byte[IdBytes + ExpiryBytes + MacBytes];
        binaryId.TryWriteBytes(token.AsSpan(0, IdBytes), bigEndian: true, out _);
        BinaryPrimitives.WriteInt64BigEndian(token.AsSpan(IdBytes, ExpiryBytes), expiresAt.ToUnixTimeSeconds());
        Mac(token.AsSpan(0, IdBytes + ExpiryBytes), token.AsSpan(IdBytes + ExpiryBytes));
        return Base64Url.EncodeToString(token);
    }

    /// <summary>Reads a token; false when it is malformed or its MAC does not match (tampered, or from another installation).</summary>
    public bool TryRead(string token, out Guid binaryId, out DateTimeOffset expiresAt)
    {
        binaryId = default;
        expiresAt = default;
        Span<byte> bytes = stackalloc byte[IdBytes + ExpiryBytes + MacBytes];
        if (token.Length > 100 || !Base64Url.IsValid(token) || Base64Url.GetMaxDecodedLength(token.Length) < bytes.Length
            || !Base64Url.TryDecodeFromChars(token, bytes, out var written) || written != bytes.Length)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[MacBytes];
        Mac(bytes[..(IdBytes + ExpiryBytes)], expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes[(IdBytes + ExpiryBytes)..]))
        {
            return false;
        }

        binaryId = new Guid(bytes[..IdBytes], bigEndian: true);
        expiresAt = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(bytes.Slice(IdBytes, ExpiryBytes)));
        return true;
    }

    private void Mac(ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        hmac.AppendData(Purpose);
        hmac.AppendData(payload);
        hmac.GetHashAndReset(destination);
    }
}
