namespace Hangar.Contracts.Webhooks;

/// <param name="Url">Where deliveries are POSTed: an absolute https URL (http only where the operator allows it), no credentials, at most 1,024 characters.</param>
/// <param name="EnabledEvents">Event types to deliver (e.g. <c>api_key.created</c>), or <c>*</c> for all.</param>
/// <param name="State"><c>enabled</c> (default) or <c>disabled</c>.</param>
public sealed record CreateWebhookRequest(string Url, IReadOnlyList<string> EnabledEvents, string? Description = null, string? State = null);
