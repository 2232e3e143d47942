using Hangar.Core.Access;

namespace Hangar.Data.Access;

/// <summary>A user's role in one organization. The member id is this row's id.</summary>
public sealed class Membership : IOrganizationOwned
{
    public required Guid Id { get; init; }
    public required Guid OrganizationId { get; init; }
    public required Guid UserId { get; init; }
    public User? User { get; init; }
    public required Role Role { get; set; }
    public required DateTime CreatedAt { get; init; }
    public required DateTime UpdatedAt { get; set; }
}
