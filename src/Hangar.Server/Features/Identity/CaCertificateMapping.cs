using Hangar.Contracts.Devices;
using Hangar.Core.Resources;
using Hangar.Data.Devices;

namespace Hangar.Server.Features.Identity;

internal static class CaCertificateMapping
{
    public static CaCertificateResponse ToResponse(this CaCertificate ca) => new(
        ca.Id,
        ResourceName.Format(ca.OrganizationId, ResourceTypes.CaCertificate, ca.Id),
        ca.Fingerprint,
        ca.SpkiHash,
        ca.Serial,
        ca.Subject,
        ca.Issuer,
        ca.NotBefore,
        ca.NotAfter,
        ca.Description,
        ca.Enabled,
        ca.JitpEnabled && ca.JitpProductId is { } productId
            ? new JitpResponse(productId, ca.JitpCohortId, JitpTags.Split(ca.JitpTags), ca.JitpTarget, ca.JitpDescription)
            : null,
        ca.CreatedAt,
        ca.UpdatedAt);
}
