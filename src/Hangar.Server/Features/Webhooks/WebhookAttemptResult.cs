namespace Hangar.Server.Features.Webhooks;

/// <summary>
/// What one HTTP attempt came to. Success is a 2xx status, nothing else (a redirect is a failure).
/// <see cref="AddressRefused"/>: the host resolved only to addresses the <see cref="WebhookAddressPolicy"/> refuses.
/// </summary>
internal sealed record WebhookAttemptResult(DateTime StartedAt, int? StatusCode, string? Error, int LatencyMilliseconds, TimeSpan? RetryAfter, bool AddressRefused = false)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
