using Hangar.Server.Features.Firmware;

namespace Hangar.Server.Tests.Firmware;

/// <summary>The verifier against RFC 8032 §7.1 test vectors 1–3, and their tampered forms.</summary>
public sealed class Rfc8032VectorTests
{
    public static TheoryData<string, string, string> Vectors => new()
    {
        {
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            "",
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
        },
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
        Assert.True(Ed25519Keys.Verify(Convert.FromHexString(publicKey), Convert.FromHexString(message), Convert.FromHexString(signature)));

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Verify_Rfc8032VectorWithOneBitFlipped_IsFalse(string publicKey, string message, string signature)
    {
        var tampered = Convert.FromHexString(signature);
        tampered[5] ^= 0x01;

        Assert.False(Ed25519Keys.Verify(Convert.FromHexString(publicKey), Convert.FromHexString(message), tampered));
    }

    [Fact]
    public void Verify_Rfc8032VectorWithSPlusL_IsFalse()
    {
        var (publicKey, message, signature) = ("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        var bytes = Convert.FromHexString(signature);
        var l = Convert.FromHexString("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");
        var carry = 0;
        for (var i = 0; i < 32; i++)
        {
            var sum = bytes[32 + i] + l[i] + carry;
            bytes[32 + i] = (byte)sum;
            carry = sum >> 8;
        }

        Assert.False(Ed25519Keys.Verify(Convert.FromHexString(publicKey), Convert.FromHexString(message), bytes));
    }

    [Fact]
    public void TryParsePublicKey_IdentityPoint_IsRefused() =>
        Assert.False(Ed25519Keys.TryParsePublicKey(Convert.ToBase64String([0x01, .. new byte[31]]), out _, out _));
}
