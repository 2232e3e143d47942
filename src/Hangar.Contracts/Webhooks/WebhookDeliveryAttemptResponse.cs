namespace Hangar.Contracts.Webhooks;

/// <summary>One HTTP request of a delivery. The receiver's response body is never stored or shown.</summary>
/// <param name="StatusCode">The receiver's HTTP status; null when no response came (timeout, refused connection, refused address).</param>
/// <param name="Error">Why the attempt failed, when it did.</param>
public sealed record WebhookDeliveryAttemptResponse(int Number, DateTime Time, int? StatusCode, string? Error, int LatencyMilliseconds);
