using Hangar.Contracts.DeviceHealth;
using Hangar.Contracts.Devices;
using Hangar.Core.Resources;
using Hangar.Data.Devices;

namespace Hangar.Server.Features.Devices;

internal static class DeviceMapping
{
    public static ProductResponse ToResponse(this Product product) => new(
        product.Id, ResourceName.Format(product.OrganizationId, ResourceTypes.Product, product.Id), product.Name, product.Archived, product.CreatedAt, product.UpdatedAt);

    public static CohortResponse ToResponse(this Cohort cohort) => new(
        cohort.Id, ResourceName.Format(cohort.OrganizationId, ResourceTypes.Cohort, cohort.Id), cohort.Name, cohort.Description, cohort.ProductId, cohort.CreatedAt, cohort.UpdatedAt);

    public static DeviceResponse ToResponse(this Device device) => new(
        device.Id,
        ResourceName.Format(device.OrganizationId, ResourceTypes.Device, device.Id),
        device.Identifier,
        device.Description,
        device.ProductId,
        device.CohortId,
        device.Tags.Select(t => t.Value).Order(StringComparer.Ordinal).ToList(),
        device.Target,
        device.Quarantined,
        device.LastConnectedAt,
        device.ReportedReleaseId,
        device.ReportedBundleId,
        device.ReportedReleaseVersion,
        device.CreatedAt,
        device.UpdatedAt,
        new DevicePresenceResponse(device.Online, device.ConnectedAt, device.LastSeenAt, device.RemoteAddress, device.PresenceNode),
        device.ToHealthResponse());

    /// <summary>The health fields of a device read with its failures and their rules (<c>Include</c>); the rules are listed in the health detail only.</summary>
    public static DeviceHealthResponse ToHealthResponse(this Device device, IReadOnlyList<HealthRuleResponse>? rules = null) => new(
        device.Healthy,
        [.. device.HealthFailures.Where(f => f.Rule is not null).OrderBy(f => f.Since).ThenBy(f => f.Rule!.Name, StringComparer.Ordinal)
            .Select(f => new DeviceHealthFailureResponse(f.RuleId, f.Rule!.Name, f.Rule.Severity, f.Since, f.Value))],
        rules);

    public static DeviceCertificateResponse ToResponse(this DeviceCertificate certificate) => new(
        certificate.Id,
        ResourceName.Format(certificate.OrganizationId, ResourceTypes.DeviceCertificate, certificate.Id),
        certificate.DeviceId,
        certificate.Fingerprint,
        certificate.SpkiHash,
        certificate.Serial,
        certificate.Subject,
        certificate.Issuer,
        certificate.NotBefore,
        certificate.NotAfter,
        certificate.Status == CertificateStatus.Active ? "active" : "revoked",
        certificate.RevokedAt,
        certificate.CaCertificateId,
        certificate.CreatedAt,
        certificate.UpdatedAt);
}
