namespace Hangar.Server.Features.Identity;

/// <summary>A refused client certificate as events describe it (never the certificate itself).</summary>
internal sealed record RefusedCertificate(string Fingerprint, string Subject, string Issuer, string Serial);
