namespace Hangar.Contracts.Webhooks;

/// <summary>A webhook endpoint. Its secret is never listed: it is shown on create and on roll only.</summary>
/// <param name="State"><c>enabled</c> or <c>disabled</c>.</param>
/// <param name="DisabledReason">Why the dispatcher disabled the endpoint (persistent failure, 410 Gone, <c>address_refused</c> when its host kept resolving to refused addresses); null when enabled or disabled by a user.</param>
/// <param name="PreviousSecretExpiresAt">While a rolled secret overlaps: when the old one stops signing.</param>
public sealed record WebhookResponse(
    Guid Id,
    string Hrn,
    string Url,
    string? Description,
    IReadOnlyList<string> EnabledEvents,
    string State,
    string? DisabledReason,
    DateTime? PreviousSecretExpiresAt,
    DateTime CreatedAt,
    DateTime UpdatedAt);
