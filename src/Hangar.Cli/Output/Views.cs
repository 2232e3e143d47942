using Hangar.Contracts.Access;
using Hangar.Contracts.Audit;
using Hangar.Contracts.Ddi;
using Hangar.Contracts.Devices;
using Hangar.Contracts.Events;
using Hangar.Contracts.Organizations;
using Hangar.Contracts.Tunnels;
using Hangar.Contracts.Webhooks;

namespace Hangar.Cli.Output;

/// <summary>The table layout of each resource the CLI shows.</summary>
internal static class Views
{
    public static ResourceView<OrganizationResponse> Organization { get; } = new ResourceView<OrganizationResponse>()
        .Add("ID", o => o.Id)
        .Add("HRN", o => o.Hrn, inList: false)
        .Add("NAME", o => o.Name)
        .Add("CREATED", o => o.CreatedAt)
        .Add("UPDATED", o => o.UpdatedAt, inList: false);

    public static ResourceView<MemberResponse> Member { get; } = new ResourceView<MemberResponse>()
        .Add("ID", m => m.Id)
        .Add("HRN", m => m.Hrn, inList: false)
        .Add("EMAIL", m => m.Email)
        .Add("NAME", m => m.Name)
        .Add("ROLE", m => m.Role)
        .Add("STATUS", m => m.Status)
        .Add("CREATED", m => m.CreatedAt)
        .Add("UPDATED", m => m.UpdatedAt, inList: false);

    public static ResourceView<ApiKeyResponse> ApiKey { get; } = new ResourceView<ApiKeyResponse>()
        .Add("ID", k => k.Id)
        .Add("HRN", k => k.Hrn, inList: false)
        .Add("NAME", k => k.Name)
        .Add("PREFIX", k => k.Prefix)
        .Add("ROLE", k => k.Role)
        .Add("CREATED BY", k => k.CreatedBy, inList: false)
        .Add("CREATED", k => k.CreatedAt)
        .Add("EXPIRES", k => k.ExpiresAt)
        .Add("REVOKED", k => k.RevokedAt)
        .Add("LAST USED", k => k.LastUsedAt);

    public static ResourceView<AuditEntryResponse> AuditEntry { get; } = new ResourceView<AuditEntryResponse>()
        .Add("ID", a => a.Id)
        .Add("HRN", a => a.Hrn, inList: false)
        .Add("TIME", a => a.Time)
        .Add("ACTOR TYPE", a => a.ActorType, inList: false)
        .Add("ACTOR ID", a => a.ActorId, inList: false)
        .Add("ACTOR", a => a.ActorName)
        .Add("ACTION", a => a.Action)
        .Add("RESOURCE TYPE", a => a.ResourceType, inList: false)
        .Add("RESOURCE ID", a => a.ResourceId)
        .Add("OUTCOME", a => a.Outcome)
        .Add("STATUS", a => a.StatusCode)
        .Add("REQUEST ID", a => a.RequestId, inList: false)
        .Add("CLIENT ADDRESS", a => a.ClientAddress, inList: false);

    public static ResourceView<EventResponse> Event { get; } = new ResourceView<EventResponse>()
        .Add("ID", e => e.Id)
        .Add("HRN", e => e.Hrn, inList: false)
        .Add("TIME", e => e.Time)
        .Add("TYPE", e => e.Type)
        .Add("RESOURCE", e => e.ResourceHrn)
        .Add("ACTOR TYPE", e => e.ActorType, inList: false)
        .Add("ACTOR ID", e => e.ActorId, inList: false)
        .Add("ACTOR", e => e.ActorName ?? e.ActorType)
        .Add("DATA", e => e.Data.GetRawText(), inList: false);

    public static ResourceView<WebhookResponse> Webhook { get; } = new ResourceView<WebhookResponse>()
        .Add("ID", w => w.Id)
        .Add("HRN", w => w.Hrn, inList: false)
        .Add("URL", w => w.Url)
        .Add("EVENTS", w => string.Join(",", w.EnabledEvents))
        .Add("STATE", w => w.State)
        .Add("DISABLED BECAUSE", w => w.DisabledReason, inList: false)
        .Add("DESCRIPTION", w => w.Description, inList: false)
        .Add("OLD SECRET UNTIL", w => w.PreviousSecretExpiresAt, inList: false)
        .Add("CREATED", w => w.CreatedAt)
        .Add("UPDATED", w => w.UpdatedAt, inList: false);

    public static ResourceView<WebhookDeliveryResponse> WebhookDelivery { get; } = new ResourceView<WebhookDeliveryResponse>()
        .Add("ID", d => d.Id)
        .Add("HRN", d => d.Hrn, inList: false)
        .Add("WEBHOOK ID", d => d.WebhookId, inList: false)
        .Add("EVENT ID", d => d.EventId)
        .Add("EVENT TYPE", d => d.EventType)
        .Add("STATE", d => d.State)
        .Add("ATTEMPTS", d => d.Attempts)
        .Add("LAST STATUS", d => d.LastStatusCode)
        .Add("LAST ERROR", d => d.LastError, inList: false)
        .Add("NEXT ATTEMPT", d => d.NextAttemptAt)
        .Add("CREATED", d => d.CreatedAt);

    public static ResourceView<WebhookDeliveryAttemptResponse> WebhookDeliveryAttempt { get; } = new ResourceView<WebhookDeliveryAttemptResponse>()
        .Add("ATTEMPT", a => a.Number)
        .Add("TIME", a => a.Time)
        .Add("STATUS", a => a.StatusCode)
        .Add("LATENCY MS", a => a.LatencyMilliseconds)
        .Add("ERROR", a => a.Error);

    public static ResourceView<CurrentUserResponse> CurrentUser { get; } = new ResourceView<CurrentUserResponse>()
        .Add("USER ID", u => u.Id)
        .Add("EMAIL", u => u.Email)
        .Add("NAME", u => u.Name)
        .Add("ORGANIZATION ID", u => u.OrganizationId)
        .Add("ORGANIZATION", u => u.OrganizationName)
        .Add("ORGANIZATION HRN", u => u.OrganizationHrn)
        .Add("ROLE", u => u.Role)
        .Add("AUTHENTICATED BY", u => u.AuthenticatedBy)
        .Add("API KEY ID", u => u.ApiKeyId);

    public static ResourceView<ProfileSummary> Profile { get; } = new ResourceView<ProfileSummary>()
        .Add("", p => p.Current ? "*" : "")
        .Add("NAME", p => p.Name)
        .Add("URL", p => p.Url)
        .Add("API KEY", p => p.ApiKey);

    public static ResourceView<ProductResponse> Product { get; } = new ResourceView<ProductResponse>()
        .Add("ID", p => p.Id)
        .Add("HRN", p => p.Hrn, inList: false)
        .Add("NAME", p => p.Name)
        .Add("ARCHIVED", p => p.Archived)
        .Add("CREATED", p => p.CreatedAt)
        .Add("UPDATED", p => p.UpdatedAt, inList: false);

    public static ResourceView<CohortResponse> Cohort { get; } = new ResourceView<CohortResponse>()
        .Add("ID", c => c.Id)
        .Add("HRN", c => c.Hrn, inList: false)
        .Add("NAME", c => c.Name)
        .Add("PRODUCT ID", c => c.ProductId)
        .Add("DESCRIPTION", c => c.Description)
        .Add("CREATED", c => c.CreatedAt)
        .Add("UPDATED", c => c.UpdatedAt, inList: false);

    public static ResourceView<DeviceResponse> Device { get; } = new ResourceView<DeviceResponse>()
        .Add("ID", d => d.Id)
        .Add("HRN", d => d.Hrn, inList: false)
        .Add("IDENTIFIER", d => d.Identifier)
        .Add("DESCRIPTION", d => d.Description, inList: false)
        .Add("PRODUCT ID", d => d.ProductId)
        .Add("COHORT ID", d => d.CohortId)
        .Add("TAGS", d => d.Tags.Count == 0 ? null : string.Join(',', d.Tags))
        .Add("TARGET", d => d.Target, inList: false)
        .Add("QUARANTINED", d => d.Quarantined)
        .Add("LAST CONNECTED", d => d.LastConnectedAt)
        .Add("ONLINE", d => d.Presence.Online)
        .Add("CONNECTED AT", d => d.Presence.ConnectedAt, inList: false)
        .Add("LAST SEEN", d => d.Presence.LastSeenAt, inList: false)
        .Add("REMOTE ADDRESS", d => d.Presence.RemoteAddress, inList: false)
        .Add("NODE", d => d.Presence.Node, inList: false)
        .Add("HEALTHY", d => d.Health?.Healthy)
        .Add("FAILING RULES", d => d.Health is { Failing.Count: > 0 } health ? string.Join(", ", health.Failing.Select(f => $"{f.RuleName} ({f.Severity}) since {f.Since:u}")) : null, inList: false)
        .Add("REPORTED RELEASE ID", d => d.ReportedReleaseId, inList: false)
        .Add("REPORTED BUNDLE ID", d => d.ReportedBundleId, inList: false)
        .Add("REPORTED VERSION", d => d.ReportedReleaseVersion, inList: false)
        .Add("CREATED", d => d.CreatedAt, inList: false)
        .Add("UPDATED", d => d.UpdatedAt, inList: false);

    public static ResourceView<DeviceCertificateResponse> DeviceCertificate { get; } = new ResourceView<DeviceCertificateResponse>()
        .Add("ID", c => c.Id)
        .Add("HRN", c => c.Hrn, inList: false)
        .Add("DEVICE ID", c => c.DeviceId)
        .Add("SUBJECT", c => c.Subject, inList: false)
        .Add("ISSUER", c => c.Issuer, inList: false)
        .Add("SERIAL", c => c.Serial, inList: false)
        .Add("FINGERPRINT", c => c.Fingerprint)
        .Add("SPKI HASH", c => c.SpkiHash, inList: false)
        .Add("STATUS", c => c.Status)
        .Add("NOT BEFORE", c => c.NotBefore, inList: false)
        .Add("NOT AFTER", c => c.NotAfter)
        .Add("REVOKED", c => c.RevokedAt, inList: false)
        .Add("CA CERTIFICATE ID", c => c.CaCertificateId, inList: false)
        .Add("CREATED", c => c.CreatedAt, inList: false)
        .Add("UPDATED", c => c.UpdatedAt, inList: false);

    public static ResourceView<CaCertificateResponse> CaCertificate { get; } = new ResourceView<CaCertificateResponse>()
        .Add("ID", c => c.Id)
        .Add("HRN", c => c.Hrn, inList: false)
        .Add("SUBJECT", c => c.Subject)
        .Add("ISSUER", c => c.Issuer, inList: false)
        .Add("SERIAL", c => c.Serial, inList: false)
        .Add("FINGERPRINT", c => c.Fingerprint, inList: false)
        .Add("SPKI HASH", c => c.SpkiHash, inList: false)
        .Add("DESCRIPTION", c => c.Description, inList: false)
        .Add("ENABLED", c => c.Enabled)
        .Add("JITP", c => c.Jitp is not null)
        .Add("JITP PRODUCT ID", c => c.Jitp?.ProductId, inList: false)
        .Add("JITP COHORT ID", c => c.Jitp?.CohortId, inList: false)
        .Add("JITP TAGS", c => c.Jitp is { Tags.Count: > 0 } jitp ? string.Join(',', jitp.Tags) : null, inList: false)
        .Add("JITP TARGET", c => c.Jitp?.Target, inList: false)
        .Add("JITP DESCRIPTION", c => c.Jitp?.Description, inList: false)
        .Add("NOT BEFORE", c => c.NotBefore, inList: false)
        .Add("NOT AFTER", c => c.NotAfter)
        .Add("CREATED", c => c.CreatedAt, inList: false)
        .Add("UPDATED", c => c.UpdatedAt, inList: false);

    public static ResourceView<VerificationCodeResponse> VerificationCode { get; } = new ResourceView<VerificationCodeResponse>()
        .Add("VERIFICATION CODE", v => v.VerificationCode)
        .Add("EXPIRES", v => v.ExpiresAt);

    public static ResourceView<DeviceCommandResponse> DeviceCommand { get; } = new ResourceView<DeviceCommandResponse>()
        .Add("ID", c => c.Id)
        .Add("COMMAND", c => c.Command)
        .Add("DELIVERY", c => c.Delivery)
        .Add("NODE", c => c.Node);

    public static ResourceView<TunnelResponse> Tunnel { get; } = new ResourceView<TunnelResponse>()
        .Add("ID", t => t.Id)
        .Add("HRN", t => t.Name, inList: false)
        .Add("DEVICE", t => t.DeviceIdentifier)
        .Add("DEVICE ID", t => t.DeviceId, inList: false)
        .Add("PORT", t => t.DevicePort)
        .Add("STATE", t => t.State)
        .Add("CLOSE REASON", t => t.CloseReason)
        .Add("CLOSE MESSAGE", t => t.CloseMessage, inList: false)
        .Add("CIDR ALLOW-LIST", t => string.Join(",", t.CidrAllowlist), inList: false)
        .Add("BYTES TO DEVICE", t => t.BytesToDevice, inList: false)
        .Add("BYTES FROM DEVICE", t => t.BytesFromDevice, inList: false)
        .Add("CREATED", t => t.CreatedAt)
        .Add("OPENED", t => t.OpenedAt, inList: false)
        .Add("EXPIRES", t => t.ExpiresAt)
        .Add("CLOSED", t => t.ClosedAt, inList: false);

    public static ResourceView<BulkDeviceActionResponse> BulkResult { get; } = new ResourceView<BulkDeviceActionResponse>()
        .Add("MATCHED", b => b.Matched)
        .Add("CHANGED", b => b.Changed);

    public static ResourceView<ImportDevicesResponse> ImportResult { get; } = new ResourceView<ImportDevicesResponse>()
        .Add("DEVICES", i => i.Devices)
        .Add("CERTIFICATES", i => i.Certificates);

    public static ResourceView<WrittenCertificate> WrittenCertificate { get; } = new ResourceView<WrittenCertificate>()
        .Add("SUBJECT", w => w.Subject)
        .Add("SERIAL", w => w.Serial)
        .Add("FINGERPRINT", w => w.Fingerprint)
        .Add("NOT BEFORE", w => w.NotBefore)
        .Add("NOT AFTER", w => w.NotAfter)
        .Add("CERTIFICATE FILE", w => w.CertificateFile)
        .Add("PRIVATE KEY FILE", w => w.PrivateKeyFile);

    public static ResourceView<DdiTargetResponse> DdiTarget { get; } = new ResourceView<DdiTargetResponse>()
        .Add("DEVICE ID", t => t.DeviceId)
        .Add("TARGET TOKEN", t => t.HasTargetToken ? "yes" : "no")
        .Add("TOKEN CREATED", t => t.TargetTokenCreatedAt)
        .Add("TOKEN LAST USED", t => t.TargetTokenLastUsedAt)
        .Add("ATTRIBUTES", t => string.Join(", ", t.Attributes.Select(a => $"{a.Key}={a.Value}")))
        .Add("ATTRIBUTES UPDATED", t => t.AttributesUpdatedAt)
        .Add("ATTRIBUTES REQUESTED", t => t.AttributesRequested ? "yes" : "no");

    public static ResourceView<DdiGatewayTokenResponse> DdiGatewayToken { get; } = new ResourceView<DdiGatewayTokenResponse>()
        .Add("ID", t => t.Id)
        .Add("NAME", t => t.Name)
        .Add("CREATED BY", t => t.CreatedBy, inList: false)
        .Add("CREATED", t => t.CreatedAt)
        .Add("REVOKED", t => t.RevokedAt)
        .Add("LAST USED", t => t.LastUsedAt);
}
