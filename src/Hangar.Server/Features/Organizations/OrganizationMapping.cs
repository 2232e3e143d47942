using Hangar.Contracts.Organizations;
using Hangar.Core.Resources;
using Hangar.Data.Organizations;

namespace Hangar.Server.Features.Organizations;

internal static class OrganizationMapping
{
    public static OrganizationResponse ToResponse(this Organization organization) =>
        new(organization.Id, ResourceName.ForOrganization(organization.Id), organization.Name, organization.CreatedAt, organization.UpdatedAt);
}
