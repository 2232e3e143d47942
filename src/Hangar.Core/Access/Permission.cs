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
    ProductRead,
    ProductManage,
    CohortRead,
    CohortManage,
    DeviceRead,
    DeviceManage,
    /// <summary>Upload or revoke device certificates: they grant a device identity.</summary>
    DeviceCertificateRead,
    DeviceCertificateManage,
    CaCertificateRead,
    /// <summary>Register CAs and configure just-in-time provisioning: a CA can create devices on its own.</summary>
    CaCertificateManage,
    /// <summary>Read artifacts, versions, binaries, signatures, signing keys and bundles, and download binaries.</summary>
    FirmwareRead,
    /// <summary>Create and change artifacts, versions, binaries (upload), signatures and bundles.</summary>
    FirmwareManage,
    /// <summary>Register and remove signing keys: which keys the fleet trusts is security configuration.</summary>
    SigningKeyManage,
    ReleaseRead,
    /// <summary>Create, change, halt, resume and roll back releases: day-to-day rollout work.</summary>
    ReleaseManage,
    BundleOverrideRead,
    BundleOverrideManage,
    /// <summary>Run the update check for a device through the Admin API (a back end acting for the device).</summary>
    DeviceUpdateCheck,
    /// <summary>Push commands to a device over its control socket (check for an update now, reboot).</summary>
    DeviceCommand,
    /// <summary>Open, extend, close and use remote access tunnels to devices; reading them needs only DeviceRead.</summary>
    TunnelManage,
}
