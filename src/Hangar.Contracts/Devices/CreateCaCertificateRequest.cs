namespace Hangar.Contracts.Devices;

/// <summary>Registers a CA by proof of possession.</summary>
/// <param name="Certificate">The CA certificate, one PEM block.</param>
/// <param name="VerificationCertificate">One PEM block: a certificate whose CN is an unused verification code of this organization, signed by the CA's key.</param>
/// <param name="Chain">For an intermediate CA: PEM blocks of its issuers up to and including the self-signed root.</param>
/// <param name="Description">Up to 256 characters.</param>
/// <param name="Jitp">Optional just-in-time provisioning settings.</param>
public sealed record CreateCaCertificateRequest(
    string Certificate,
    string VerificationCertificate,
    string? Chain = null,
    string? Description = null,
    JitpRequest? Jitp = null);
