namespace Hangar.Data.Tenancy;

/// <summary>
/// The organization a unit of work acts in: one per dependency-injection scope (a request, or a background job's own
/// scope). It is set once — by the authentication that proved the caller, or by a job that names the organization it
/// works for — and never changed: a second set throws, so two credentials on one request can never make the last
/// one win. Unset, organization-owned rows are invisible (<see cref="TenantFilter"/>).
/// </summary>
public sealed class TenantContext
{
    public Guid? OrganizationId { get; private set; }

    public void Set(Guid organizationId)
    {
        if (OrganizationId is { } current)
        {
            throw new InvalidOperationException(
                $"The tenant of this unit of work is already organization {current}; it cannot become {organizationId}.");
        }

        OrganizationId = organizationId;
    }
}
