namespace Hangar.Contracts.Webhooks;

/// <summary>A webhook with its signing secret (<c>whsec_…</c>), returned by create and roll only: store the secret now.</summary>
public sealed record WebhookSecretResponse(WebhookResponse Webhook, string Secret);
