namespace Hangar.Data.Events;

/// <summary>
/// A domain fact ("api_key.created"), written in the same transaction as the change it describes. Unlike audit rows
/// (who called what), events say what happened to a resource, whoever caused it. Kept for <c>Events:RetentionDays</c>.
/// </summary>
public sealed class Event : IOrganizationOwned
{
    public required Guid Id { get; init; }
    public required Guid OrganizationId { get; init; }
    public required string Type { get; init; }

    /// <summary>Millisecond precision, the same instant as the id's timestamp (the stream relies on it).</summary>
    public required DateTime Time { get; init; }

    public required string ActorType { get; init; }
    public Guid? ActorId { get; init; }
    public string? ActorName { get; init; }
    public required string ResourceType { get; init; }
    public required Guid ResourceId { get; init; }

    /// <summary>The event's JSON object, snake_case like the API.</summary>
    public required string Data { get; init; }
}
