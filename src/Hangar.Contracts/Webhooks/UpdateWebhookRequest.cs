namespace Hangar.Contracts.Webhooks;

/// <summary>Changes only the fields given. Setting <c>state</c> to <c>enabled</c> re-enables an endpoint the dispatcher disabled.</summary>
public sealed record UpdateWebhookRequest(string? Url = null, IReadOnlyList<string>? EnabledEvents = null, string? Description = null, string? State = null);
