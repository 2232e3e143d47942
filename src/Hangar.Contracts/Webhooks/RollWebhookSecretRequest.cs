namespace Hangar.Contracts.Webhooks;

/// <param name="OverlapSeconds">How long the old secret keeps signing next to the new one (0 to 604,800; default 0: it stops at once).</param>
public sealed record RollWebhookSecretRequest(int? OverlapSeconds = null);
