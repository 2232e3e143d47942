namespace Hangar.Data.Audit;

/// <summary>One mutating Admin API call. Append-only: the database refuses updates and deletes (see the migrations).</summary>
public sealed class AuditEntry : IOrganizationOwned
{
    public required Guid Id { get; init; }
    public required Guid OrganizationId { get; init; }
    public required DateTime Time { get; init; }
    public required string ActorType { get; init; }
    public Guid? ActorId { get; init; }
    public required string ActorName { get; init; }
    public required string Action { get; init; }
    public string? ResourceType { get; init; }
    public Guid? ResourceId { get; init; }
    public required string Outcome { get; init; }
    public required int StatusCode { get; init; }
    public required string RequestId { get; init; }
    public string? ClientAddress { get; init; }
}
