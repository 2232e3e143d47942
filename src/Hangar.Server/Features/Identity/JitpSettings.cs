using Hangar.Contracts.Devices;
using Hangar.Data;
using Hangar.Data.Devices;
using Hangar.Server.Features.Devices;
using Hangar.Server.Hosting.Validation;

namespace Hangar.Server.Features.Identity;

/// <summary>Checks a CA's JITP settings against the CA's own organization and applies them.</summary>
internal static class JitpSettings
{
    public static async Task<(Guid ProductId, Guid? CohortId)?> ResolveAsync(
        HangarDbContext db, JitpRequest jitp, Guid organizationId, RequestValidator validator, CancellationToken cancellationToken)
    {
        validator.DeviceFields(jitp.Description, jitp.Tags, jitp.Target);
        var product = await FleetReferences.ProductAsync(db, jitp.ProductId, organizationId, cancellationToken);
        if (product is null || product.Archived)
        {
            validator.Add("jitp.product_id", "must name an unarchived product of this organization.");
            return null;
        }

        Cohort? cohort = null;
        if (!string.IsNullOrWhiteSpace(jitp.CohortId))
        {
            cohort = await FleetReferences.CohortAsync(db, jitp.CohortId, product.Id, organizationId, cancellationToken);
            if (cohort is null)
            {
                validator.Add("jitp.cohort_id", "must name a cohort of the JITP product.");
                return null;
            }
        }

        return (product.Id, cohort?.Id);
    }

    public static void Apply(CaCertificate ca, JitpRequest? jitp, (Guid ProductId, Guid? CohortId)? resolved)
    {
        ca.JitpEnabled = jitp is not null;
        ca.JitpProductId = resolved?.ProductId;
        ca.JitpCohortId = resolved?.CohortId;
        ca.JitpTags = jitp is null ? null : JitpTags.Join(DeviceRules.NormalizeTags(jitp.Tags));
        ca.JitpTarget = FleetText.Optional(jitp?.Target);
        ca.JitpDescription = FleetText.Optional(jitp?.Description);
    }
}
