using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Hangar.Server.Features.Firmware;

/// <summary>
/// Download tokens: the binary id and an expiry, authenticated with HMAC-SHA256 under a server secret, so a device
/// or script can fetch one binary for a while without an API key. A token handed to a device also names the device
/// (<see cref="SignForDevice"/>), under its own MAC purpose so neither kind can pass for the other; the device listener
/// serves it only to that device's certificate. The secret is the installation's (<see cref="DownloadUrlKey"/>, in the
/// database), so every node accepts the same URLs and a restart does not invalidate URLs handed out.
/// </summary>
internal sealed class DownloadUrlSigner
{
    private static readonly byte[] Purpose = Encoding.ASCII.GetBytes("hangar binary download v1\n");
    private static readonly byte[] DevicePurpose = Encoding.ASCII.GetBytes("hangar binary download for a device v1\n");
    private const int IdBytes = 16;
    private const int ExpiryBytes = 8;
    private const int MacBytes = 32;
    private const int OperatorTokenBytes = IdBytes + ExpiryBytes + MacBytes;
    private const int DeviceTokenBytes = IdBytes + IdBytes + ExpiryBytes + MacBytes;

    private readonly byte[] _key;

    public DownloadUrlSigner(DownloadUrlKey key) => _key = key.Bytes;

    /// <summary>A token anyone holding it may use until it expires (operators, scripts, back ends).</summary>
    public string Sign(Guid binaryId, DateTimeOffset expiresAt)
    {
        var token = new byte[OperatorTokenBytes];
        binaryId.TryWriteBytes(token.AsSpan(0, IdBytes), bigEndian: true, out _);
        BinaryPrimitives.WriteInt64BigEndian(token.AsSpan(IdBytes, ExpiryBytes), expiresAt.ToUnixTimeSeconds());
        Mac(Purpose, token.AsSpan(0, IdBytes + ExpiryBytes), token.AsSpan(IdBytes + ExpiryBytes));
        return Base64Url.EncodeToString(token);
    }

    /// <summary>A token only device <paramref name="deviceId"/> may use, on the device listener with its certificate.</summary>
    public string SignForDevice(Guid binaryId, Guid deviceId, DateTimeOffset expiresAt)
    {
        var token = new byte[DeviceTokenBytes];
        binaryId.TryWriteBytes(token.AsSpan(0, IdBytes), bigEndian: true, out _);
        deviceId.TryWriteBytes(token.AsSpan(IdBytes, IdBytes), bigEndian: true, out _);
        BinaryPrimitives.WriteInt64BigEndian(token.AsSpan(2 * IdBytes, ExpiryBytes), expiresAt.ToUnixTimeSeconds());
        Mac(DevicePurpose, token.AsSpan(0, 2 * IdBytes + ExpiryBytes), token.AsSpan(2 * IdBytes + ExpiryBytes));
        return Base64Url.EncodeToString(token);
    }

    /// <summary>Reads a token of either kind; null when it is malformed or its MAC does not match (tampered, or from another installation).</summary>
    public DownloadToken? TryRead(string token)
    {
        Span<byte> bytes = stackalloc byte[DeviceTokenBytes];
        if (token.Length > 100 || !Base64Url.IsValid(token) || !Base64Url.TryDecodeFromChars(token, bytes, out var written)
            || written is not (OperatorTokenBytes or DeviceTokenBytes))
        {
            return null;
        }

        var forDevice = written == DeviceTokenBytes;
        var signed = bytes[..(written - MacBytes)];
        Span<byte> expected = stackalloc byte[MacBytes];
        Mac(forDevice ? DevicePurpose : Purpose, signed, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes.Slice(written - MacBytes, MacBytes)))
        {
            return null;
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(signed[^ExpiryBytes..]));
        return new DownloadToken(new Guid(signed[..IdBytes], bigEndian: true), forDevice ? new Guid(signed.Slice(IdBytes, IdBytes), bigEndian: true) : null, expiresAt);
    }

    private void Mac(byte[] purpose, ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        hmac.AppendData(purpose);
        hmac.AppendData(payload);
        hmac.GetHashAndReset(destination);
    }
}
