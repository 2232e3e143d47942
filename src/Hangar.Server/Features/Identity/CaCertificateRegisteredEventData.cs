namespace Hangar.Server.Features.Identity;

/// <summary>The data of <c>ca_certificate.registered</c>.</summary>
internal sealed record CaCertificateRegisteredEventData(string Subject, string Fingerprint, bool Jitp);
