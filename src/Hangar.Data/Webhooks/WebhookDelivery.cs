namespace Hangar.Data.Webhooks;

/// <summary>
/// One event to one webhook, delivered at least once. The payload is frozen when the delivery is created, so every
/// attempt sends the same body under the same <c>webhook-id</c> (the event id); only the timestamp and signature change.
/// </summary>
public sealed class WebhookDelivery : IOrganizationOwned
{
    public required Guid Id { get; init; }
    public required Guid OrganizationId { get; init; }
    public required Guid WebhookId { get; init; }
    public required Guid EventId { get; init; }
    public required string EventType { get; init; }
    public required string Payload { get; init; }
    public required WebhookDeliveryState State { get; set; }
    public required int Attempts { get; set; }

    /// <summary>When the next attempt is due; null once the delivery succeeded or was given up.</summary>
    public DateTime? NextAttemptAt { get; set; }

    /// <summary>
    /// Set when a dispatcher takes the delivery; another dispatcher may take it only after this passes. A node that
    /// dies mid-attempt thus leaves the delivery to be retried, with the same webhook-id, once the lease runs out.
    /// </summary>
    public DateTime? LeaseUntil { get; set; }

    /// <summary>No retry is scheduled after this (creation or manual redelivery + the retry window).</summary>
    public required DateTime RetryUntil { get; set; }

    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
    public required DateTime CreatedAt { get; init; }
    public required DateTime UpdatedAt { get; set; }
}
