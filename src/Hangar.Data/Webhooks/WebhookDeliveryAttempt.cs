namespace Hangar.Data.Webhooks;

/// <summary>One HTTP request of a delivery. The response body is never stored: receivers' answers are not ours to show.</summary>
public sealed class WebhookDeliveryAttempt : IOrganizationOwned
{
    public required Guid Id { get; init; }
    public required Guid OrganizationId { get; init; }
    public required Guid DeliveryId { get; init; }
    public required int Number { get; init; }
    public required DateTime Time { get; init; }
    public int? StatusCode { get; init; }
    public string? Error { get; init; }
    public required int LatencyMilliseconds { get; init; }
}
