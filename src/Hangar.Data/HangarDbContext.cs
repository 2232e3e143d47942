using System.Linq.Expressions;
using System.Reflection;
using Hangar.Data.Access;
using Hangar.Data.Audit;
using Hangar.Data.Conventions;
using Hangar.Data.Ddi;
using Hangar.Data.DeviceHealth;
using Hangar.Data.Devices;
using Hangar.Data.Events;
using Hangar.Data.Firmware;
using Hangar.Data.Idempotency;
using Hangar.Data.Organizations;
using Hangar.Data.Releases;
using Hangar.Data.System;
using Hangar.Data.Telemetry;
using Hangar.Data.Tenancy;
using Hangar.Data.Tunnels;
using Hangar.Data.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Data;

/// <summary>
/// The one model of Hangar, shared by the SQLite and PostgreSQL providers. Rows owned by an organization are
/// filtered to the scope's <see cref="TenantContext"/> in every query (the named filter <see cref="TenantFilter"/>);
/// with no tenant set they are invisible. Code that must cross organizations (authentication, background jobs) says
/// so with <c>IgnoreQueryFilters([TenantFilter.Name])</c>.
/// </summary>
public sealed class HangarDbContext(DbContextOptions<HangarDbContext> options) : DbContext(options)
{
    /// <summary>The context of a dependency-injection scope (the one the server uses; DI picks the longer constructor).</summary>
    public HangarDbContext(DbContextOptions<HangarDbContext> options, IServiceProvider scopeServices)
        : this(options)
    {
        ScopeServices = scopeServices;
        Tenant = scopeServices.GetService(typeof(TenantContext)) as TenantContext ?? Tenant;
    }

    /// <summary>The scope's tenant, read by the query filter on every query; a context made by hand has its own, unset.</summary>
    public TenantContext Tenant { get; } = new();

    /// <summary>
    /// The dependency-injection scope the context was created in, or null for a context made by hand (design-time
    /// tooling). The options, and so the save interceptors, are built once for every context: the interceptors find
    /// the unit of work's audit entry and events here.
    /// </summary>
    public IServiceProvider? ScopeServices { get; }

    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<User> Users => Set<User>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<SystemSetting> SystemSettings => Set<SystemSetting>();
    public DbSet<ServerSecret> ServerSecrets => Set<ServerSecret>();
    public DbSet<Event> Events => Set<Event>();
    public DbSet<EventOutboxEntry> EventOutbox => Set<EventOutboxEntry>();
    public DbSet<Webhook> Webhooks => Set<Webhook>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<WebhookDeliveryAttempt> WebhookDeliveryAttempts => Set<WebhookDeliveryAttempt>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Cohort> Cohorts => Set<Cohort>();
    public DbSet<Device> Devices => Set<Device>();
    public DbSet<DeviceTag> DeviceTags => Set<DeviceTag>();
    public DbSet<DeviceCertificate> DeviceCertificates => Set<DeviceCertificate>();
    public DbSet<CaCertificate> CaCertificates => Set<CaCertificate>();
    public DbSet<CaVerificationCode> CaVerificationCodes => Set<CaVerificationCode>();
    public DbSet<Artifact> Artifacts => Set<Artifact>();
    public DbSet<ArtifactVersion> ArtifactVersions => Set<ArtifactVersion>();
    public DbSet<Binary> Binaries => Set<Binary>();
    public DbSet<BinaryPart> BinaryParts => Set<BinaryPart>();
    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();
    public DbSet<BinarySignature> BinarySignatures => Set<BinarySignature>();
    public DbSet<Bundle> Bundles => Set<Bundle>();
    public DbSet<BundleEntry> BundleEntries => Set<BundleEntry>();
    public DbSet<Release> Releases => Set<Release>();
    public DbSet<PhaseClaim> PhaseClaims => Set<PhaseClaim>();
    public DbSet<BundleOverride> BundleOverrides => Set<BundleOverride>();
    public DbSet<BundleOverrideDevice> BundleOverrideDevices => Set<BundleOverrideDevice>();
    public DbSet<DeviceUpdate> DeviceUpdates => Set<DeviceUpdate>();
    public DbSet<DeviceUpdateReport> DeviceUpdateReports => Set<DeviceUpdateReport>();
    public DbSet<Lease> Leases => Set<Lease>();
    public DbSet<TelemetrySeries> TelemetrySeries => Set<TelemetrySeries>();
    public DbSet<TelemetryPoint> TelemetryPoints => Set<TelemetryPoint>();
    public DbSet<TelemetryRollup> TelemetryRollups => Set<TelemetryRollup>();
    public DbSet<DeviceHeartbeat> DeviceHeartbeats => Set<DeviceHeartbeat>();
    public DbSet<DdiTarget> DdiTargets => Set<DdiTarget>();
    public DbSet<DdiGatewayToken> DdiGatewayTokens => Set<DdiGatewayToken>();
    public DbSet<Tunnel> Tunnels => Set<Tunnel>();
    public DbSet<HealthRule> HealthRules => Set<HealthRule>();
    public DbSet<DeviceHealthFailure> DeviceHealthFailures => Set<DeviceHealthFailure>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HangarDbContext).Assembly);
        foreach (var entityType in modelBuilder.Model.GetEntityTypes().ToList())
        {
            if (typeof(IOrganizationOwned).IsAssignableFrom(entityType.ClrType))
            {
                ApplyOrganizationFilterMethod.MakeGenericMethod(entityType.ClrType).Invoke(this, [modelBuilder]);
            }
        }
    }

    private static readonly MethodInfo ApplyOrganizationFilterMethod =
        typeof(HangarDbContext).GetMethod(nameof(ApplyOrganizationFilter), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private void ApplyOrganizationFilter<TEntity>(ModelBuilder modelBuilder)
        where TEntity : class, IOrganizationOwned
    {
        Expression<Func<TEntity, bool>> filter = e => e.OrganizationId == Tenant.OrganizationId;
        modelBuilder.Entity<TEntity>().HasQueryFilter(TenantFilter.Name, filter);
    }
}
