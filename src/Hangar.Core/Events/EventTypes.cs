namespace Hangar.Core.Events;

/// <summary>
/// The event types Hangar publishes (<c>resource.past_tense_verb</c>, as on the wire). Webhooks subscribe to these
/// names, so a type is never renamed once released; a feature that starts emitting a new one adds it here.
/// </summary>
public static class EventTypes
{
    public const string ApiKeyCreated = "api_key.created";
    public const string ApiKeyRevoked = "api_key.revoked";
    public const string MemberAdded = "member.added";
    public const string MemberUpdated = "member.updated";
    public const string MemberRemoved = "member.removed";
    public const string OrganizationUpdated = "organization.updated";
    public const string DeviceCreated = "device.created";
    public const string DeviceUpdated = "device.updated";
    public const string DeviceDeleted = "device.deleted";
    public const string DeviceAuthenticationFailed = "device.authentication_failed";
    public const string DeviceCertificateShared = "device.certificate_shared";
    public const string DeviceExpiredCertificateUsed = "device.expired_certificate_used";
    public const string CaCertificateRegistered = "ca_certificate.registered";
    public const string BinarySigned = "binary.signed";
    public const string SigningKeyRevoked = "signing_key.revoked";
    public const string BundleCreated = "bundle.created";
    public const string DeviceReleaseChanged = "device.release_changed";
    public const string DeviceCheckedForRelease = "device.checked_for_release";
    public const string DeviceClaimedRelease = "device.claimed_release";
    public const string UpdateStatusChanged = "update.status_changed";
    public const string ReleaseCreated = "release.created";
    public const string ReleaseUpdated = "release.updated";
    public const string ReleaseDeleted = "release.deleted";
    public const string ReleaseHalted = "release.halted";
    public const string ReleaseResumed = "release.resumed";
    public const string ReleaseRolledBack = "release.rolled_back";
    public const string BundleOverrideCreated = "bundle_override.created";
    public const string BundleOverrideUpdated = "bundle_override.updated";
    public const string BundleOverrideDeleted = "bundle_override.deleted";
    public const string WebhookCreated = "webhook.created";
    public const string WebhookUpdated = "webhook.updated";
    public const string WebhookDeleted = "webhook.deleted";
    public const string WebhookSecretRolled = "webhook.secret_rolled";
    public const string WebhookDisabled = "webhook.disabled";
    public const string WebhookTestFire = "webhook.test_fire";
    public const string DeviceConnected = "device.connected";
    public const string DeviceDisconnected = "device.disconnected";
    public const string DeviceCommandSent = "device.command_sent";
    public const string DdiAuthenticationFailed = "ddi.authentication_failed";
    public const string TunnelRequested = "tunnel.requested";
    public const string TunnelOpened = "tunnel.opened";
    public const string TunnelExtended = "tunnel.extended";
    public const string TunnelClosed = "tunnel.closed";
    public const string HealthRuleCreated = "health_rule.created";
    public const string HealthRuleUpdated = "health_rule.updated";
    public const string HealthRuleDeleted = "health_rule.deleted";
    public const string DeviceUnhealthy = "device.unhealthy";
    public const string DeviceHealthy = "device.healthy";

    /// <summary>Subscribes a webhook to every type, including those added later.</summary>
    public const string All = "*";

    private static readonly SortedSet<string> Known =
    [
        ApiKeyCreated, ApiKeyRevoked, MemberAdded, MemberUpdated, MemberRemoved, OrganizationUpdated,
        DeviceCreated, DeviceUpdated, DeviceDeleted, DeviceAuthenticationFailed, DeviceCertificateShared, DeviceExpiredCertificateUsed,
        CaCertificateRegistered, BinarySigned, BundleCreated,
        WebhookCreated, WebhookUpdated, WebhookDeleted, WebhookSecretRolled, WebhookDisabled, WebhookTestFire,
        DeviceReleaseChanged, DeviceCheckedForRelease, DeviceClaimedRelease, UpdateStatusChanged,
        ReleaseCreated, ReleaseUpdated, ReleaseDeleted, ReleaseHalted, ReleaseResumed, ReleaseRolledBack,
        BundleOverrideCreated, BundleOverrideUpdated, BundleOverrideDeleted,
        SigningKeyRevoked,
        DeviceConnected, DeviceDisconnected, DeviceCommandSent,
        DdiAuthenticationFailed,
        TunnelRequested, TunnelOpened, TunnelExtended, TunnelClosed,
        HealthRuleCreated, HealthRuleUpdated, HealthRuleDeleted, DeviceUnhealthy, DeviceHealthy,
    ];

    public static IReadOnlyCollection<string> Published => Known;

    public static bool IsKnown(string type) => Known.Contains(type);
}
