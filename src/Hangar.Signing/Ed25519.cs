using System.Security.Cryptography;
using NSec.Cryptography;

namespace Hangar.Signing;

/// <summary>
/// Ed25519 (RFC 8032) public keys and signatures as Hangar uses them, shared by the server (which checks a signature
/// when it is attached) and the agent (which checks it again before installing), so both accept exactly the same
/// signatures. Verification goes through libsodium (NSec); beyond what libsodium checks, small-order public keys (a
/// signature under such a key proves nothing) and non-canonical S (S ≥ L) are refused explicitly, so the answer does
/// not depend on a library version. Binary signatures are over the raw 32-byte SHA-256 digest, never its hex spelling.
/// </summary>
public static class Ed25519
{
    public const int PublicKeyBytes = 32;
    public const int SignatureBytes = 64;

    /// <summary>The DER prefix of a SubjectPublicKeyInfo holding an id-Ed25519 key; the raw key follows.</summary>
    private static readonly byte[] SpkiPrefix = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];

    /// <summary>The group order L, little-endian.</summary>
    private static readonly byte[] GroupOrder =
    [
        0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10,
    ];

    /// <summary>Encodings (sign bit ignored) of the points of order 1, 2, 4 and 8, and of their non-canonical aliases; libsodium's list.</summary>
    private static readonly byte[][] SmallOrderPoints =
    [
        [.. new byte[32]],
        [0x01, .. new byte[31]],
        [0x26, 0xe8, 0x95, 0x8f, 0xc2, 0xb2, 0x27, 0xb0, 0x45, 0xc3, 0xf4, 0x89, 0xf2, 0xef, 0x98, 0xf0, 0xd5, 0xdf, 0xac, 0x05, 0xd3, 0xc6, 0x33, 0x39, 0xb1, 0x38, 0x02, 0x88, 0x6d, 0x53, 0xfc, 0x05],
        [0xc7, 0x17, 0x6a, 0x70, 0x3d, 0x4d, 0xd8, 0x4f, 0xba, 0x3c, 0x0b, 0x76, 0x0d, 0x10, 0x67, 0x0f, 0x2a, 0x20, 0x53, 0xfa, 0x2c, 0x39, 0xcc, 0xc6, 0x4e, 0xc7, 0xfd, 0x77, 0x92, 0xac, 0x03, 0x7a],
        [0xec, .. Enumerable.Repeat((byte)0xff, 30), 0x7f],
        [0xed, .. Enumerable.Repeat((byte)0xff, 30), 0x7f],
        [0xee, .. Enumerable.Repeat((byte)0xff, 30), 0x7f],
    ];

    /// <summary>
    /// Reads base64 of the raw 32 bytes, or a PEM <c>PUBLIC KEY</c> block (SubjectPublicKeyInfo, id-Ed25519). On
    /// failure <paramref name="error"/> completes a sentence that starts with the field's name ("… must be …").
    /// </summary>
    public static bool TryParsePublicKey(string? value, out byte[] key, out string error)
    {
        key = [];
        error = "";
        var text = value?.Trim() ?? "";
        byte[] bytes;
        try
        {
            bytes = text.StartsWith("-----BEGIN PUBLIC KEY-----", StringComparison.Ordinal) ? FromPem(text) : Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            error = "must be base64 of the raw 32-byte Ed25519 public key or a PEM PUBLIC KEY block";
            return false;
        }

        if (bytes.Length == SpkiPrefix.Length + PublicKeyBytes && bytes.AsSpan().StartsWith(SpkiPrefix))
        {
            bytes = bytes[SpkiPrefix.Length..];
        }

        if (bytes.Length != PublicKeyBytes)
        {
            error = $"is {bytes.Length} bytes; an Ed25519 public key is 32 raw bytes";
            return false;
        }

        if (HasSmallOrder(bytes) || !PublicKey.TryImport(SignatureAlgorithm.Ed25519, bytes, KeyBlobFormat.RawPublicKey, out _))
        {
            error = "is not a usable Ed25519 public key (small order or not on the curve)";
            return false;
        }

        key = bytes;
        return true;
    }

    /// <summary>The key id Hangar names a key by: lowercase hex SHA-256 of the raw 32-byte public key.</summary>
    public static string KeyId(ReadOnlySpan<byte> publicKey) => Convert.ToHexStringLower(SHA256.HashData(publicKey));

    /// <summary>Reads a signature given as hex (128 digits) or base64; false unless it is exactly 64 bytes.</summary>
    public static bool TryParseSignature(string? value, out byte[] signature)
    {
        signature = [];
        var text = value?.Trim() ?? "";
        try
        {
            signature = text.Length % 2 == 0 && text.All(Uri.IsHexDigit) ? Convert.FromHexString(text) : Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return false;
        }

        return signature.Length == SignatureBytes;
    }

    /// <summary>
    /// Whether <paramref name="signature"/> is a valid, canonical Ed25519 signature of <paramref name="message"/> under
    /// <paramref name="publicKey"/>; false for any malformed input, never an exception.
    /// </summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != SignatureBytes || publicKey.Length != PublicKeyBytes || !IsCanonicalScalar(signature[32..]) || HasSmallOrder(publicKey)
            || !PublicKey.TryImport(SignatureAlgorithm.Ed25519, publicKey, KeyBlobFormat.RawPublicKey, out var key))
        {
            return false;
        }

        return SignatureAlgorithm.Ed25519.Verify(key!, message, signature);
    }

    /// <summary>S &lt; L, compared from the most significant byte down.</summary>
    private static bool IsCanonicalScalar(ReadOnlySpan<byte> s)
    {
        for (var i = 31; i >= 0; i--)
        {
            if (s[i] != GroupOrder[i])
            {
                return s[i] < GroupOrder[i];
            }
        }

        return false;
    }

    private static bool HasSmallOrder(ReadOnlySpan<byte> key)
    {
        foreach (var point in SmallOrderPoints)
        {
            if (key[..31].SequenceEqual(point.AsSpan(0, 31)) && (key[31] & 0x7f) == point[31])
            {
                return true;
            }
        }

        return false;
    }

    private static byte[] FromPem(string pem)
    {
        var body = pem.Replace("-----BEGIN PUBLIC KEY-----", "", StringComparison.Ordinal)
            .Replace("-----END PUBLIC KEY-----", "", StringComparison.Ordinal);
        return Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c))));
    }
}
