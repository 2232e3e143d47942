using System.Security.Cryptography.X509Certificates;
using Hangar.Data.Devices;

namespace Hangar.Server.Features.Identity;

/// <summary>What makes a certificate acceptable as a device's identity, for uploads, CSV imports and JITP alike.</summary>
internal static class DeviceCertificateRules
{
    /// <summary>Null when <paramref name="certificate"/> may identify the device <paramref name="identifier"/>; otherwise why not.</summary>
    public static string? Refusal(X509Certificate2 certificate, string identifier, DateTime now)
    {
        if (CertificateFacts.IsCa(certificate))
        {
            return "is a CA certificate (basicConstraints CA=true); a device needs an end-entity certificate.";
        }

        if (certificate.NotAfter.ToUniversalTime() <= now)
        {
            return $"expired at {certificate.NotAfter.ToUniversalTime():yyyy-MM-ddTHH:mm:ssZ}.";
        }

        if (DeviceCertificateStrength.Refusal(certificate) is { } weak)
        {
            return weak.Detail;
        }

        var commonName = CertificateFacts.CommonName(certificate);
        return commonName == identifier ? null : $"has CN '{commonName ?? "(none)"}'; it must equal the device identifier '{identifier}'.";
    }

    public static DeviceCertificate ToEntity(X509Certificate2 certificate, Device device, Guid? caCertificateId, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(now),
        OrganizationId = device.OrganizationId,
        DeviceId = device.Id,
        Fingerprint = CertificateFacts.Fingerprint(certificate),
        SpkiHash = CertificateFacts.SpkiHash(certificate),
        Serial = CertificateFacts.Serial(certificate),
        Subject = certificate.Subject,
        Issuer = certificate.Issuer,
        NotBefore = certificate.NotBefore.ToUniversalTime(),
        NotAfter = certificate.NotAfter.ToUniversalTime(),
        Pem = CertificateFacts.Pem(certificate),
        Status = CertificateStatus.Active,
        CaCertificateId = caCertificateId,
        CreatedAt = now,
        UpdatedAt = now,
    };
}
