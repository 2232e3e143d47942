namespace Hangar.Data.Devices;

/// <summary>A device certificate's state. Revoked is terminal: a revoked certificate never authenticates again.</summary>
public enum CertificateStatus
{
    Active,
    Revoked,
}
