namespace Hangar.Core.Resources;

/// <summary>The resource type segment of a resource name: singular snake_case, as on the wire.</summary>
public static class ResourceTypes
{
    public const string Organization = "organization";
    public const string User = "user";
    public const string Member = "member";
    public const string ApiKey = "api_key";
    public const string AuditEntry = "audit_entry";
    public const string Event = "event";
    public const string Webhook = "webhook";
    public const string WebhookDelivery = "webhook_delivery";

    private static readonly HashSet<string> Known = [Organization, User, Member, ApiKey, AuditEntry, Event, Webhook, WebhookDelivery];

    public static bool IsKnown(string type) => Known.Contains(type);
}
