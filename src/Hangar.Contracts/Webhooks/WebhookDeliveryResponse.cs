namespace Hangar.Contracts.Webhooks;

/// <summary>One event sent (or being sent) to one webhook. <see cref="EventId"/> is also its <c>webhook-id</c> header, the same on every attempt.</summary>
/// <param name="State"><c>pending</c> (will be tried at <see cref="NextAttemptAt"/>), <c>succeeded</c> or <c>failed</c> (given up).</param>
/// <param name="AttemptLog">The attempts, oldest first; only in single-delivery answers.</param>
public sealed record WebhookDeliveryResponse(
    Guid Id,
    string Hrn,
    Guid WebhookId,
    Guid EventId,
    string EventType,
    string State,
    int Attempts,
    DateTime? NextAttemptAt,
    int? LastStatusCode,
    string? LastError,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    IReadOnlyList<WebhookDeliveryAttemptResponse>? AttemptLog);
