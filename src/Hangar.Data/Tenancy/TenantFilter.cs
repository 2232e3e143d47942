namespace Hangar.Data.Tenancy;

/// <summary>
/// The name of the query filter that limits organization-owned rows to <see cref="TenantContext.OrganizationId"/>.
/// Code that must cross organizations (authentication lookups, background jobs) opts out by this name,
/// <c>IgnoreQueryFilters([TenantFilter.Name])</c>, so each opt-out says what it skips and no other filter goes with it.
/// </summary>
public static class TenantFilter
{
    public const string Name = "Tenant";
}
