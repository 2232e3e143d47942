using System.Security.Cryptography;
using Hangar.Agent.Signatures;
using NSec.Cryptography;

namespace Hangar.Agent.Tests.Signatures;

public sealed class SignatureVerifierTests
{
    private static readonly byte[] Digest = SHA256.HashData("firmware image"u8);

    [Fact]
    public void Verify_TrustedKeyAsBase64AndAsPem_BothWork()
    {
        using var key = NewKey();
        var pem = "-----BEGIN PUBLIC KEY-----\n" + Convert.ToBase64String(key.PublicKey.Export(KeyBlobFormat.PkixPublicKey)) + "\n-----END PUBLIC KEY-----";
        var raw = Convert.ToBase64String(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));

        foreach (var trusted in new[] { pem, raw })
        {
            var verifier = new SignatureVerifier(TrustedKeySet.Parse([trusted]), 1);
            Assert.True(verifier.Verify(Digest, [ByKeyId(key, Sign(key, Digest))]).Passed);
        }
    }

    [Fact]
    public void Verify_TwoOfTwoTrustedKeys_PassesThresholdTwo()
    {
        using var first = NewKey();
        using var second = NewKey();
        var verifier = Verifier(2, first, second);

        var check = verifier.Verify(Digest, [ByKeyId(first, Sign(first, Digest)), ByPublicValue(second, Sign(second, Digest))]);

        Assert.True(check.Passed, check.Reason);
        Assert.Equal(2, check.ValidTrustedKeys);
    }

    [Fact]
    public void Verify_SameKeyTwice_CountsOnce()
    {
        using var first = NewKey();
        using var second = NewKey();
        var verifier = Verifier(2, first, second);
        var signature = Sign(first, Digest);

        var check = verifier.Verify(Digest, [ByKeyId(first, signature), ByPublicValue(first, signature), ByKeyId(first, Convert.ToBase64String(Convert.FromHexString(signature)))]);

        Assert.False(check.Passed);
        Assert.Equal(1, check.ValidTrustedKeys);
        Assert.StartsWith("untrusted_signatures", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ValidSignatureByUntrustedKey_DoesNotCount()
    {
        using var trusted = NewKey();
        using var stranger = NewKey();
        var verifier = Verifier(1, trusted);

        var check = verifier.Verify(Digest, [ByPublicValue(stranger, Sign(stranger, Digest)), ByKeyId(stranger, Sign(stranger, Digest))]);

        Assert.False(check.Passed);
        Assert.Contains("2 by untrusted keys", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_TrustedKeyIdWithAnotherKeysPublicValue_DoesNotCount()
    {
        using var trusted = NewKey();
        using var stranger = NewKey();
        var verifier = Verifier(1, trusted);

        var check = verifier.Verify(Digest, [new BinarySignature(KeyId(trusted), Raw(stranger), Sign(stranger, Digest))]);

        Assert.False(check.Passed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("zz")]
    [InlineData("AAAA")]
    [InlineData("00112233")]
    public void Verify_MalformedSignature_DoesNotCount(string signature)
    {
        using var key = NewKey();

        var check = Verifier(1, key).Verify(Digest, [ByKeyId(key, signature)]);

        Assert.False(check.Passed);
        Assert.Contains("1 malformed", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_SignatureOverAnotherDigest_IsInvalid()
    {
        using var key = NewKey();
        var tampered = SHA256.HashData("tampered image"u8);

        var check = Verifier(1, key).Verify(tampered, [ByKeyId(key, Sign(key, Digest))]);

        Assert.False(check.Passed);
        Assert.Contains("1 invalid", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_SignatureOverTheHexDigest_IsInvalid()
    {
        using var key = NewKey();
        var hexSigned = SignatureAlgorithm.Ed25519.Sign(key, System.Text.Encoding.ASCII.GetBytes(Convert.ToHexStringLower(Digest)));

        var check = Verifier(1, key).Verify(Digest, [ByKeyId(key, Convert.ToHexStringLower(hexSigned))]);

        Assert.False(check.Passed);
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("not base64!")]
    [InlineData("AAEC")]
    public void TryParseKey_SmallOrderOrMalformedKey_IsRefused(string key)
    {
        Assert.False(TrustedKeySet.TryParseKey(key, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    private static Key NewKey() => Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });

    private static SignatureVerifier Verifier(int threshold, params Key[] keys) => new(TrustedKeySet.Parse([.. keys.Select(Raw)]), threshold);

    private static string Raw(Key key) => Convert.ToBase64String(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    private static string KeyId(Key key) => Convert.ToHexStringLower(SHA256.HashData(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)));

    private static string Sign(Key key, byte[] digest) => Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(key, digest));

    private static BinarySignature ByKeyId(Key key, string signature) => new(KeyId(key), null, signature);

    private static BinarySignature ByPublicValue(Key key, string signature) => new(null, Raw(key), signature);
}
