namespace Hangar.Core.Resources;

/// <summary>The resource type segment of a resource name: singular snake_case, as on the wire.</summary>
public static class ResourceTypes
{
    public const string Organization = "organization";
    public const string User = "user";
    public const string Member = "member";
    public const string ApiKey = "api_key";
    public const string AuditEntry = "audit_entry";

    private static readonly HashSet<string> Known = [Organization, User, Member, ApiKey, AuditEntry];

    public static bool IsKnown(string type) => Known.Contains(type);
}
