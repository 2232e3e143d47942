using Hangar.Contracts.Common;
using Hangar.Contracts.Firmware;
using Hangar.Server.Tests.Fixtures;
using NSec.Cryptography;

namespace Hangar.Server.Tests.Firmware;

public abstract class SignatureTests(ServerFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The group order L of Ed25519, little-endian.</summary>
    private static readonly byte[] L = Convert.FromHexString("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");

    [Fact]
    public async Task Signature_ValidOverTheRawDigest_MakesTheBinarySigned()
    {
        var client = (await fixture.NewTenantAsync()).Owner;
        var binary = await FirmwareBuilder.SignableAsync(client, FirmwareBuilder.Bytes(1500));
        var (registered, key) = await FirmwareBuilder.SigningKeyAsync(client);
        using (key)
        {
            var created = await client.BinarySignatures.CreateAsync(
                new CreateBinarySignatureRequest(binary.Id.ToString(), registered.KeyId, FirmwareBuilder.SignDigest(key, binary.Sha256)), cancellationToken: Cancel);

            Assert.Equal(registered.KeyId, created.KeyId);
        }

        Assert.Equal("signed", (await client.Binaries.GetAsync(binary.Id.ToString(), Cancel)).State);
        var second = await FirmwareBuilder.SigningKeyAsync(client);
        using (second.Private)
        {
            await client.BinarySignatures.CreateAsync(new CreateBinarySignatureRequest(binary.Hrn, second.Registered.Hrn, FirmwareBuilder.SignDigest(second.Private, binary.Sha256)), cancellationToken: Cancel);
        }

        var signatures = await client.BinarySignatures.ListAsync(new Client.ListOptions(Search: $"binary_id:'{binary.Id}'"), Cancel);
        Assert.Equal(2, signatures.Data.Count);
    }

    [Fact]
    public async Task Signature_TamperedDigestWrongKeyNonCanonicalOrWrongLength_IsInvalidSignature()
    {
        var client = (await fixture.NewTenantAsync()).Owner;
        var binary = await FirmwareBuilder.SignableAsync(client, FirmwareBuilder.Bytes(1500));
        var (registered, key) = await FirmwareBuilder.SigningKeyAsync(client);
        using var other = Key.Create(SignatureAlgorithm.Ed25519);
        using (key)
        {
            var valid = Convert.FromHexString(FirmwareBuilder.SignDigest(key, binary.Sha256));
            var tamperedDigest = Convert.FromHexString(binary.Sha256);
            tamperedDigest[0] ^= 1;
            var nonCanonical = valid.ToArray();
            AddL(nonCanonical.AsSpan(32));
            var hexOfDigest = SignatureAlgorithm.Ed25519.Sign(key, System.Text.Encoding.ASCII.GetBytes(binary.Sha256));

            string[] bad =
            [
                Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(key, tamperedDigest)),
                Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(other, Convert.FromHexString(binary.Sha256))),
                Convert.ToHexStringLower(nonCanonical),
                Convert.ToHexStringLower(valid[..63]),
                Convert.ToHexStringLower([.. valid, 0]),
                Convert.ToHexStringLower(hexOfDigest),
                "not a signature",
            ];
            foreach (var signature in bad)
            {
                var error = await Api.ThrowsApiAsync(() => client.BinarySignatures.CreateAsync(new CreateBinarySignatureRequest(binary.Id.ToString(), registered.Id.ToString(), signature), cancellationToken: Cancel));
                Assert.Equal(ErrorCodes.InvalidSignature, error.Code);
            }
        }

        Assert.Equal("signable", (await client.Binaries.GetAsync(binary.Id.ToString(), Cancel)).State);
        Assert.Empty((await client.BinarySignatures.ListAsync(cancellationToken: Cancel)).Data);
    }

    [Fact]
    public async Task Signature_OnAnUploadableBinary_IsInvalidState()
    {
        var client = (await fixture.NewTenantAsync()).Owner;
        var binary = await FirmwareBuilder.DeclareAsync(client, FirmwareBuilder.Bytes(100));
        var (registered, key) = await FirmwareBuilder.SigningKeyAsync(client);
        using (key)
        {
            var error = await Api.ThrowsApiAsync(() => client.BinarySignatures.CreateAsync(
                new CreateBinarySignatureRequest(binary.Id.ToString(), registered.Id.ToString(), FirmwareBuilder.SignDigest(key, binary.Sha256)), cancellationToken: Cancel));
            Assert.Equal(ErrorCodes.InvalidState, error.Code);
        }
    }

    [Fact]
    public async Task SigningKey_Pem_IsAcceptedWithKeyIdTheSha256OfTheRawKey()
    {
        var client = (await fixture.NewTenantAsync()).Owner;
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var pem = System.Text.Encoding.ASCII.GetString(key.PublicKey.Export(KeyBlobFormat.PkixPublicKeyText));
        var raw = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);

        var registered = await client.SigningKeys.CreateAsync(new CreateSigningKeyRequest("release", pem), cancellationToken: Cancel);

        Assert.Equal(Convert.ToBase64String(raw), registered.Value);
        Assert.Equal(FirmwareBuilder.Sha(raw), registered.KeyId);
        var duplicate = await Api.ThrowsApiAsync(() => client.SigningKeys.CreateAsync(new CreateSigningKeyRequest("again", Convert.ToBase64String(raw)), cancellationToken: Cancel));
        Assert.Equal(ErrorCodes.AlreadyExists, duplicate.Code);
    }

    [Theory]
    [InlineData("0100000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05")]
    [InlineData("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")]
    [InlineData("0102")]
    public async Task SigningKey_SmallOrderOrWrongLength_IsRejected(string hex)
    {
        var client = (await fixture.NewTenantAsync()).Owner;

        var error = await Api.ThrowsApiAsync(() => client.SigningKeys.CreateAsync(new CreateSigningKeyRequest("bad", Convert.ToBase64String(Convert.FromHexString(hex))), cancellationToken: Cancel));

        Assert.Equal(ErrorCodes.ValidationFailed, error.Code);
        Assert.Contains("value", error.Problem!.Errors!.Keys);
    }

    [Fact]
    public async Task SigningKey_ThatSignedABinary_CannotBeRemoved()
    {
        var client = (await fixture.NewTenantAsync()).Owner;
        await FirmwareBuilder.SignedAsync(client, FirmwareBuilder.Bytes(1100));
        var key = Assert.Single((await client.SigningKeys.ListAsync(cancellationToken: Cancel)).Data);

        var error = await Api.ThrowsApiAsync(() => client.SigningKeys.DeleteAsync(key.Id.ToString(), Cancel));

        Assert.Equal(ErrorCodes.InUse, error.Code);
    }

    [Fact]
    public async Task Signature_RemovingTheLast_MovesTheBinaryBackToSignable()
    {
        var client = (await fixture.NewTenantAsync()).Owner;
        var binary = await FirmwareBuilder.SignedAsync(client, FirmwareBuilder.Bytes(1100));
        var signature = Assert.Single((await client.BinarySignatures.ListAsync(cancellationToken: Cancel)).Data);

        await client.BinarySignatures.DeleteAsync(signature.Id.ToString(), Cancel);

        Assert.Equal("signable", (await client.Binaries.GetAsync(binary.Id.ToString(), Cancel)).State);
    }

    private static void AddL(Span<byte> s)
    {
        var carry = 0;
        for (var i = 0; i < 32; i++)
        {
            var sum = s[i] + L[i] + carry;
            s[i] = (byte)sum;
            carry = sum >> 8;
        }
    }

    public sealed class OnSqlite(SqliteServer fixture) : SignatureTests(fixture);

    public sealed class OnPostgres(PostgresServer fixture) : SignatureTests(fixture);
}
