using System.Security.Cryptography;

namespace Hangar.Signing.Tests;

/// <summary>
/// The shared verifier against RFC 8032 §7.1 test vectors 1–3 and their tampered forms, plus the rules Hangar adds:
/// canonical S, no small-order keys, exact lengths. The server and the agent both verify through this code.
/// </summary>
public sealed class Ed25519Tests
{
    private const string Vector1PublicKey = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    private const string Vector1Signature =
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

    public static TheoryData<string, string, string> Vectors => new()
    {
        { Vector1PublicKey, "", Vector1Signature },
        {
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
            "72",
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"
        },
        {
            "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
            "af82",
            "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"
        },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Verify_Rfc8032Vector_IsTrue(string publicKey, string message, string signature) =>
        Assert.True(Ed25519.Verify(Convert.FromHexString(publicKey), Convert.FromHexString(message), Convert.FromHexString(signature)));

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Verify_Rfc8032VectorWithOneBitFlipped_IsFalse(string publicKey, string message, string signature)
    {
        var tampered = Convert.FromHexString(signature);
        tampered[5] ^= 0x01;

        Assert.False(Ed25519.Verify(Convert.FromHexString(publicKey), Convert.FromHexString(message), tampered));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Verify_Rfc8032VectorWithAnotherMessage_IsFalse(string publicKey, string message, string signature) =>
        Assert.False(Ed25519.Verify(Convert.FromHexString(publicKey), [.. Convert.FromHexString(message), 0x00], Convert.FromHexString(signature)));

    [Fact]
    public void Verify_Rfc8032VectorWithSPlusL_IsFalse()
    {
        // S + L is the same scalar mod L, so a lax verifier accepts it: a second valid-looking signature (malleability).
        var bytes = Convert.FromHexString(Vector1Signature);
        var l = Convert.FromHexString("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");
        var carry = 0;
        for (var i = 0; i < 32; i++)
        {
            var sum = bytes[32 + i] + l[i] + carry;
            bytes[32 + i] = (byte)sum;
            carry = sum >> 8;
        }

        Assert.False(Ed25519.Verify(Convert.FromHexString(Vector1PublicKey), [], bytes));
    }

    [Theory]
    [InlineData(63)]
    [InlineData(65)]
    public void Verify_SignatureOfWrongLength_IsFalse(int length)
    {
        var signature = Convert.FromHexString(Vector1Signature);
        var resized = new byte[length];
        signature.AsSpan(0, Math.Min(length, signature.Length)).CopyTo(resized);

        Assert.False(Ed25519.Verify(Convert.FromHexString(Vector1PublicKey), [], resized));
        Assert.False(Ed25519.TryParseSignature(Convert.ToHexStringLower(resized), out _));
    }

    [Fact]
    public void Verify_SmallOrderKeyWithTheSignatureItAcceptsForAnyMessage_IsFalse()
    {
        // Under the identity point, R = identity and S = 0 satisfy the verification equation for every message.
        byte[] identity = [0x01, .. new byte[31]];
        byte[] signature = [0x01, .. new byte[63]];

        Assert.False(Ed25519.Verify(identity, SHA256.HashData("anything"u8), signature));
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0100000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")]
    [InlineData("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a")]
    public void TryParsePublicKey_SmallOrderPoint_IsRefused(string hex)
    {
        Assert.False(Ed25519.TryParsePublicKey(Convert.ToBase64String(Convert.FromHexString(hex)), out _, out var error));
        Assert.Contains("small order", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParsePublicKey_RawBase64AndPem_GiveTheSameKeyAndId()
    {
        var raw = Convert.FromHexString(Vector1PublicKey);
        byte[] spki = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00, .. raw];
        var pem = $"-----BEGIN PUBLIC KEY-----\n{Convert.ToBase64String(spki)}\n-----END PUBLIC KEY-----\n";

        Assert.True(Ed25519.TryParsePublicKey(Convert.ToBase64String(raw), out var fromRaw, out _));
        Assert.True(Ed25519.TryParsePublicKey(pem, out var fromPem, out _));

        Assert.Equal(raw, fromRaw);
        Assert.Equal(raw, fromPem);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(raw)), Ed25519.KeyId(fromPem));
    }

    [Theory]
    [InlineData("not base64!", "must be base64")]
    [InlineData("AAAA", "is 3 bytes")]
    public void TryParsePublicKey_Garbage_SaysWhy(string value, string reason)
    {
        Assert.False(Ed25519.TryParsePublicKey(value, out var key, out var error));
        Assert.Empty(key);
        Assert.StartsWith(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParseSignature_HexAndBase64_GiveTheSameBytes()
    {
        var bytes = Convert.FromHexString(Vector1Signature);

        Assert.True(Ed25519.TryParseSignature(Vector1Signature.ToUpperInvariant(), out var fromHex));
        Assert.True(Ed25519.TryParseSignature(Convert.ToBase64String(bytes), out var fromBase64));

        Assert.Equal(bytes, fromHex);
        Assert.Equal(bytes, fromBase64);
    }
}
