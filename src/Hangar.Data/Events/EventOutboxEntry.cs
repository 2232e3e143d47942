namespace Hangar.Data.Events;

/// <summary>
/// An event not yet fanned out to webhooks: written with the event, deleted in the transaction that creates its
/// deliveries. Deleting it is also the claim between nodes (the node whose delete removed the row fans it out).
/// </summary>
public sealed class EventOutboxEntry
{
    public required Guid EventId { get; init; }
    public required Guid OrganizationId { get; init; }
}
