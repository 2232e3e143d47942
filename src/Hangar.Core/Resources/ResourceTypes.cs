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

    public const string Product = "product";
    public const string Cohort = "cohort";
    public const string Device = "device";
    public const string DeviceCertificate = "device_certificate";
    public const string CaCertificate = "ca_certificate";
    public const string CaVerificationCode = "ca_verification_code";

    public const string Artifact = "artifact";
    public const string ArtifactVersion = "artifact_version";
    public const string Binary = "binary";
    public const string BinaryPart = "binary_part";
    public const string BinarySignature = "binary_signature";
    public const string SigningKey = "signing_key";
    public const string Bundle = "bundle";

    public const string Release = "release";
    public const string BundleOverride = "bundle_override";
    public const string DeviceUpdate = "device_update";

    public const string DdiGatewayToken = "ddi_gateway_token";
    public const string Tunnel = "tunnel";
    public const string HealthRule = "health_rule";

    private static readonly HashSet<string> Known =
    [
        Organization, User, Member, ApiKey, AuditEntry,
        Product, Cohort, Device, DeviceCertificate, CaCertificate, CaVerificationCode,
        Artifact, ArtifactVersion, Binary, BinaryPart, BinarySignature, SigningKey, Bundle,
        Event, Webhook, WebhookDelivery,
        Release, BundleOverride, DeviceUpdate,
        DdiGatewayToken,
        Tunnel,
        HealthRule,
    ];

    public static bool IsKnown(string type) => Known.Contains(type);
}
