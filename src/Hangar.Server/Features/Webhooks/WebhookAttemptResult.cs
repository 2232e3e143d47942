namespace Hangar.Server.Features.Webhooks;

/// <summary>What one HTTP attempt came to. Success is a 2xx status, nothing else (a redirect is a failure).</summary>
internal sealed record WebhookAttemptResult(DateTime StartedAt, int? StatusCode, string? Error, int LatencyMilliseconds, TimeSpan? RetryAfter)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
