namespace Hangar.Data.Webhooks;

/// <summary>
/// An HTTPS endpoint that receives signed events. Secrets are kept encrypted with ASP.NET Core Data Protection: they
/// sign every delivery, so they must be recoverable, unlike API key secrets which are only compared.
/// </summary>
public sealed class Webhook : IOrganizationOwned
{
    public required Guid Id { get; init; }
    public required Guid OrganizationId { get; init; }
    public required string Url { get; set; }
    public string? Description { get; set; }

    /// <summary>Subscribed event types separated by single spaces; <c>*</c> means all.</summary>
    public required string EnabledEvents { get; set; }

    public required WebhookState State { get; set; }
    public string? DisabledReason { get; set; }
    public required string ProtectedSecret { get; set; }

    /// <summary>During a roll: the old secret, still signing until <see cref="PreviousSecretExpiresAt"/>.</summary>
    public string? ProtectedPreviousSecret { get; set; }

    public DateTime? PreviousSecretExpiresAt { get; set; }
    public required DateTime CreatedAt { get; init; }
    public required DateTime UpdatedAt { get; set; }
}
