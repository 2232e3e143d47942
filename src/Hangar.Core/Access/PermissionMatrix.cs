namespace Hangar.Core.Access;

/// <summary>
/// The single place that decides which role may do what. Each permission has a minimum role;
/// roles are ordered, so a role holds every permission of the roles below it.
/// </summary>
public static class PermissionMatrix
{
    private static readonly Dictionary<Permission, Role> MinimumRole = new()
    {
        [Permission.SelfRead] = Role.Viewer,
        [Permission.SelfManage] = Role.Viewer,
        [Permission.OrganizationRead] = Role.Viewer,
        [Permission.OrganizationUpdate] = Role.Owner,
        [Permission.OrganizationCreate] = Role.Owner,
        [Permission.MemberRead] = Role.Viewer,
        [Permission.MemberManage] = Role.Admin,
        // Operators automate (CI pipelines upload firmware), so they may mint keys up to their own role.
        [Permission.ApiKeyRead] = Role.Operator,
        [Permission.ApiKeyManage] = Role.Operator,
        [Permission.AuditRead] = Role.Admin,
        // Events are domain facts the console shows everyone; they carry ids, never secrets.
        [Permission.EventRead] = Role.Viewer,
        // Webhook URLs often embed tokens and their secrets sign what receivers trust: security-sensitive config.
        [Permission.WebhookRead] = Role.Admin,
        [Permission.WebhookManage] = Role.Admin,
        [Permission.ProductRead] = Role.Viewer,
        [Permission.ProductManage] = Role.Operator,
        [Permission.CohortRead] = Role.Viewer,
        [Permission.CohortManage] = Role.Operator,
        [Permission.DeviceRead] = Role.Viewer,
        [Permission.DeviceManage] = Role.Operator,
        // Certificates and CAs decide who may speak as a device: security configuration, so admins.
        [Permission.DeviceCertificateRead] = Role.Viewer,
        [Permission.DeviceCertificateManage] = Role.Admin,
        [Permission.CaCertificateRead] = Role.Viewer,
        [Permission.CaCertificateManage] = Role.Admin,
        [Permission.FirmwareRead] = Role.Viewer,
        [Permission.FirmwareManage] = Role.Operator,
        [Permission.SigningKeyManage] = Role.Admin,
        [Permission.ReleaseRead] = Role.Viewer,
        [Permission.ReleaseManage] = Role.Operator,
        [Permission.BundleOverrideRead] = Role.Viewer,
        [Permission.BundleOverrideManage] = Role.Operator,
        // The answer carries signed download URLs, and with write=true it changes what the device is recorded to run.
        [Permission.DeviceUpdateCheck] = Role.Operator,
        [Permission.DeviceCommand] = Role.Operator,
        // A tunnel reaches a device's services (SSH, web UIs) from outside: day-to-day operations work, never a viewer's.
        [Permission.TunnelManage] = Role.Operator,
    };

    public static bool Allows(Role role, Permission permission) =>
        MinimumRole.TryGetValue(permission, out var minimum)
            ? role >= minimum
            : throw new ArgumentOutOfRangeException(nameof(permission), permission, "permission has no entry in the matrix");

    public static Role MinimumRoleFor(Permission permission) => MinimumRole[permission];

    /// <summary>A caller may grant a role (to a member or an API key) only up to their own.</summary>
    public static bool MayGrant(Role grantor, Role granted) => granted <= grantor;
}
