using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Hangar.Testing.Pki;

/// <summary>
/// Signs certificates with ecdsa-with-SHA1, which .NET's own generators no longer offer: the weak signatures a
/// legacy CA still makes, for tests that Hangar refuses them.
/// </summary>
internal sealed class Sha1EcdsaSignatureGenerator(ECDsa key) : X509SignatureGenerator
{
    private const string EcdsaWithSha1 = "1.2.840.10045.4.1";

    public override byte[] GetSignatureAlgorithmIdentifier(HashAlgorithmName hashAlgorithm)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(EcdsaWithSha1);
        }

        return writer.Encode();
    }

    public override byte[] SignData(byte[] data, HashAlgorithmName hashAlgorithm) =>
        key.SignData(data, HashAlgorithmName.SHA1, DSASignatureFormat.Rfc3279DerSequence);

    protected override PublicKey BuildPublicKey() => X509SignatureGenerator.CreateForECDsa(key).PublicKey;
}
