namespace Hangar.Data;

/// <summary>A row that belongs to one organization. The DbContext filters every query on such rows to the caller's organization.</summary>
public interface IOrganizationOwned
{
    Guid OrganizationId { get; }
}
