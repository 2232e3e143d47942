namespace Hangar.Core.Access;

/// <summary>What a route needs. Every Admin API route names exactly one permission (or is anonymous).</summary>
public enum Permission
{
    /// <summary>Read the caller's own user, session and organizations.</summary>
    SelfRead,
    /// <summary>Change the caller's own password or end their session.</summary>
    SelfManage,
    OrganizationRead,
    OrganizationUpdate,
    OrganizationCreate,
    MemberRead,
    MemberManage,
    ApiKeyRead,
    ApiKeyManage,
    AuditRead,
    EventRead,
    WebhookRead,
    WebhookManage,
}
