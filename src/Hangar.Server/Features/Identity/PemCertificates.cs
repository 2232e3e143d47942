using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Hangar.Server.Features.Identity;

/// <summary>
/// Reads uploaded certificates strictly: PEM <c>CERTIFICATE</c> blocks only, loaded with
/// <see cref="X509CertificateLoader"/> so a PKCS#12 blob or a private key can never be taken for a certificate.
/// </summary>
internal static class PemCertificates
{
    public const int MaxPemLength = 16 * 1024;

    /// <summary>Exactly one certificate and nothing else but whitespace.</summary>
    public static bool TryReadOne(string? pem, out X509Certificate2 certificate, out string error)
    {
        certificate = null!;
        if (!TryReadMany(pem, 1, out var certificates, out error))
        {
            return false;
        }

        if (certificates.Count != 1)
        {
            error = "must be exactly one PEM CERTIFICATE block.";
            return false;
        }

        certificate = certificates[0];
        return true;
    }

    /// <summary>
    /// One DER certificate and nothing after it. The loader stops at the end of the first ASN.1 value and ignores the
    /// rest, so bytes smuggled behind a certificate would otherwise pass unseen.
    /// </summary>
    public static X509Certificate2 LoadDer(byte[] der)
    {
        try
        {
            AsnDecoder.ReadEncodedValue(der, AsnEncodingRules.DER, out _, out _, out var consumed);
            if (consumed != der.Length)
            {
                throw new CryptographicException($"{der.Length - consumed} bytes follow the certificate.");
            }
        }
        catch (AsnContentException e)
        {
            throw new CryptographicException("not a DER value", e);
        }

        return X509CertificateLoader.LoadCertificate(der);
    }

    public static bool TryReadMany(string? pem, int max, out List<X509Certificate2> certificates, out string error)
    {
        certificates = [];
        error = "";
        if (string.IsNullOrWhiteSpace(pem))
        {
            error = "is required (PEM CERTIFICATE blocks).";
            return false;
        }

        if (pem.Length > MaxPemLength * max)
        {
            error = "is too long.";
            return false;
        }

        var rest = pem.AsSpan();
        while (!rest.IsWhiteSpace())
        {
            if (!PemEncoding.TryFind(rest, out var fields) || !rest[..fields.Location.Start].IsWhiteSpace())
            {
                error = "must contain only PEM CERTIFICATE blocks (not DER, PKCS#12 or other text).";
                return false;
            }

            if (!rest[fields.Label].SequenceEqual("CERTIFICATE"))
            {
                error = $"must contain only CERTIFICATE blocks, not '{rest[fields.Label]}'.";
                return false;
            }

            if (certificates.Count == max)
            {
                error = max == 1 ? "must be exactly one PEM CERTIFICATE block." : $"must contain at most {max} certificates.";
                return false;
            }

            try
            {
                certificates.Add(LoadDer(Convert.FromBase64String(rest[fields.Base64Data].ToString())));
            }
            catch (Exception e) when (e is CryptographicException or FormatException)
            {
                error = "contains a block that is not a valid X.509 certificate.";
                return false;
            }

            rest = rest[fields.Location.End..];
        }

        if (certificates.Count == 0)
        {
            error = "is required (PEM CERTIFICATE blocks).";
            return false;
        }

        return true;
    }
}
