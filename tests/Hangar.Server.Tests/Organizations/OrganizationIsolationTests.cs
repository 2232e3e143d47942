using System.Net;
using Hangar.Contracts.Access;
using Hangar.Contracts.Devices;
using Hangar.Contracts.Firmware;
using Hangar.Contracts.Releases;
using Hangar.Contracts.Webhooks;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Data.Tunnels;
using Hangar.Server.Tests.Firmware;
using Hangar.Server.Tests.Fixtures;
using Hangar.Testing.Pki;
using Microsoft.Extensions.DependencyInjection;

namespace Hangar.Server.Tests.Organizations;

/// <summary>
/// Organization A's owner, pointed at organization B's ids (bare or as resource names) on every route that takes an
/// id, gets 404, never 403 or data; and A's lists never contain B's rows.
/// </summary>
public abstract class OrganizationIsolationTests(ServerFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OtherOrganizationsIds_OnEveryRoute_AreNotFound()
    {
        var a = await fixture.NewTenantAsync();
        var b = await fixture.NewTenantAsync();
        var bIds = await SeedAsync(b);

        var routes = RouteCatalog.AdminApi(fixture.Server.Services).Where(r => r.Pattern.Contains("{id}", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(routes);
        foreach (var route in routes)
        {
            var (type, id) = bIds.Single(entry => route.Pattern.StartsWith(entry.Key, StringComparison.Ordinal)).Value;
            foreach (var reference in new[] { id.ToString(), ResourceName.Format(b.OrganizationId, type, id) })
            {
                using var response = await a.OwnerHttp.SendAsync(RouteCatalog.Request(route, reference), Cancel);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{route} with {reference}: expected 404, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}");
            }
        }

        // B's data is untouched by all of that.
        Assert.Null((await b.Owner.ApiKeys.GetAsync(bIds["/api/v1/api_keys"].Id.ToString(), Cancel)).RevokedAt);
        Assert.Equal("viewer", (await b.Owner.Members.GetAsync(bIds["/api/v1/members"].Id.ToString(), Cancel)).Role);
        Assert.Equal("enabled", (await b.Owner.Webhooks.GetAsync(bIds["/api/v1/webhooks"].Id.ToString(), Cancel)).State);
        Assert.Equal("b-device", (await b.Owner.Devices.GetAsync(bIds["/api/v1/devices"].Id.ToString(), Cancel)).Identifier);
        Assert.Equal("active", (await b.Owner.DeviceCertificates.GetAsync(bIds["/api/v1/device_certificates"].Id.ToString(), Cancel)).Status);
        Assert.Equal("signed", (await b.Owner.Binaries.GetAsync(bIds["/api/v1/binaries"].Id.ToString(), Cancel)).State);
        Assert.Equal("b bundle", (await b.Owner.Bundles.GetAsync(bIds["/api/v1/bundles"].Id.ToString(), Cancel)).Name);
        var release = await b.Owner.Releases.GetAsync(bIds["/api/v1/releases"].Id.ToString(), Cancel);
        Assert.Equal(("b release", false, (DateTime?)null), (release.Name, release.Disabled, release.HaltedAt));
        Assert.Single((await b.Owner.Releases.ListAsync(cancellationToken: Cancel)).Data);
        var bundleOverride = await b.Owner.BundleOverrides.GetAsync(bIds["/api/v1/bundle_overrides"].Id.ToString(), Cancel);
        Assert.Equal(("b override", 1), (bundleOverride.Name, bundleOverride.DeviceCount));
    }

    [Fact]
    public async Task Lists_NeverContainOtherOrganizationsRows()
    {
        var a = await fixture.NewTenantAsync();
        var b = await fixture.NewTenantAsync();
        var bIds = (await SeedAsync(b)).Values.Select(v => v.Id).Append(b.OrganizationId).ToHashSet();

        string[] paths =
        [
            "api/v1/api_keys", "api/v1/members", "api/v1/audit", "api/v1/organizations",
            "api/v1/products", "api/v1/cohorts", "api/v1/devices", "api/v1/device_certificates", "api/v1/ca_certificates",
            "api/v1/artifacts", "api/v1/artifact_versions", "api/v1/binaries", "api/v1/binary_signatures", "api/v1/signing_keys",
            "api/v1/bundles", "api/v1/releases", "api/v1/bundle_overrides",
            "api/v1/events", "api/v1/webhooks",
        ];
        foreach (var path in paths)
        {
            using var response = await a.OwnerHttp.GetAsync(path + "?limit=100", Cancel);
            var json = await response.JsonAsync();
            var ids = json.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToList();
            Assert.DoesNotContain(ids, bIds.Contains);
        }
    }

    /// <summary>Creates one resource of each kind in <paramref name="tenant"/>; keys are the route prefixes that address them.</summary>
    /// <summary>An open tunnel written directly: through the API it needs the device's control socket, which this test has no use for.</summary>
    private static async Task<Guid> TunnelRowAsync(Tenant tenant, Guid deviceId)
    {
        await using var scope = tenant.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var tunnel = new Tunnel
        {
            Id = Guid.CreateVersion7(),
            OrganizationId = tenant.OrganizationId,
            DeviceId = deviceId,
            DevicePort = 22,
            CidrAllowlist = "",
            State = TunnelState.Open,
            TokenHash = new byte[32],
            CreatedAt = now,
            OpenedAt = now,
            ExpiresAt = now.AddHours(1),
            UpdatedAt = now,
        };
        db.Tunnels.Add(tunnel);
        await db.SaveChangesAsync(Cancel);
        return tunnel.Id;
    }

    private static async Task<Dictionary<string, (string Type, Guid Id)>> SeedAsync(Tenant tenant)
    {
        var key = await tenant.Owner.ApiKeys.CreateAsync(new CreateApiKeyRequest("b key", "viewer"), cancellationToken: Cancel);
        var member = await tenant.Owner.Members.AddAsync(new AddMemberRequest($"b-{Guid.CreateVersion7():N}@example.com", "viewer"), cancellationToken: Cancel);
        var audit = (await tenant.Owner.Audit.ListAsync(cancellationToken: Cancel)).Data[0];
        var evt = (await tenant.Owner.Events.ListAsync(cancellationToken: Cancel)).Data[0];
        var webhook = await tenant.Owner.Webhooks.CreateAsync(new CreateWebhookRequest("https://hooks.invalid/b", ["member.removed"]), cancellationToken: Cancel);
        var product = await tenant.Owner.Products.CreateAsync(new CreateProductRequest("b product"), cancellationToken: Cancel);
        var cohort = await tenant.Owner.Cohorts.CreateAsync(new CreateCohortRequest("b cohort", product.Id.ToString()), cancellationToken: Cancel);
        var device = await tenant.Owner.Devices.CreateAsync(new CreateDeviceRequest("b-device", product.Id.ToString(), cohort.Id.ToString()), cancellationToken: Cancel);
        var certificate = await tenant.Owner.DeviceCertificates.CreateAsync(
            new CreateDeviceCertificateRequest(device.Id.ToString(), TestPki.Pem(TestPki.Leaf(TestPki.Root(), "b-device"))), cancellationToken: Cancel);
        var ca = await Devices.CaRegistrar.RegisterAsync(tenant.Owner, TestPki.Root());
        var binary = await FirmwareBuilder.SignedAsync(tenant.Owner, FirmwareBuilder.Bytes(1100));
        var version = await tenant.Owner.ArtifactVersions.GetAsync(binary.ArtifactVersionId.ToString(), Cancel);
        var signature = Assert.Single((await tenant.Owner.BinarySignatures.ListAsync(cancellationToken: Cancel)).Data);
        var bundle = await tenant.Owner.Bundles.CreateAsync(new CreateBundleRequest([new BundleEntryRequest(binary.Id.ToString())], "b bundle"), cancellationToken: Cancel);
        var release = await tenant.Owner.Releases.CreateAsync(new CreateReleaseRequest("b release", cohort.Id.ToString(), bundle.Id.ToString()), cancellationToken: Cancel);
        var bundleOverride = await tenant.Owner.BundleOverrides.CreateAsync(
            new CreateBundleOverrideRequest("b override", bundle.Id.ToString(), new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc)), cancellationToken: Cancel);
        await tenant.Owner.BundleOverrides.AddDevicesAsync(bundleOverride.Id.ToString(), new AddBundleOverrideDevicesRequest([device.Id.ToString()]), Cancel);
        var tunnel = await TunnelRowAsync(tenant, device.Id);
        return new()
        {
            ["/api/v1/tunnels"] = (ResourceTypes.Tunnel, tunnel),
            ["/api/v1/ca_certificates"] = (ResourceTypes.CaCertificate, ca.Id),
            ["/api/v1/products"] = (ResourceTypes.Product, product.Id),
            ["/api/v1/cohorts"] = (ResourceTypes.Cohort, cohort.Id),
            ["/api/v1/devices"] = (ResourceTypes.Device, device.Id),
            ["/api/v1/device_certificates"] = (ResourceTypes.DeviceCertificate, certificate.Id),
            ["/api/v1/api_keys"] = (ResourceTypes.ApiKey, key.Key.Id),
            ["/api/v1/members"] = (ResourceTypes.Member, member.Member.Id),
            ["/api/v1/audit"] = (ResourceTypes.AuditEntry, audit.Id),
            ["/api/v1/organizations"] = (ResourceTypes.Organization, tenant.OrganizationId),
            ["/api/v1/events"] = (ResourceTypes.Event, evt.Id),
            ["/api/v1/webhooks"] = (ResourceTypes.Webhook, webhook.Webhook.Id),
            ["/api/v1/artifacts"] = (ResourceTypes.Artifact, version.ArtifactId),
            ["/api/v1/artifact_versions"] = (ResourceTypes.ArtifactVersion, version.Id),
            ["/api/v1/binaries"] = (ResourceTypes.Binary, binary.Id),
            ["/api/v1/binary_signatures"] = (ResourceTypes.BinarySignature, signature.Id),
            ["/api/v1/signing_keys"] = (ResourceTypes.SigningKey, signature.SigningKeyId),
            ["/api/v1/bundles"] = (ResourceTypes.Bundle, bundle.Id),
            ["/api/v1/releases"] = (ResourceTypes.Release, release.Id),
            ["/api/v1/bundle_overrides"] = (ResourceTypes.BundleOverride, bundleOverride.Id),
        };
    }

    public sealed class OnSqlite(SqliteServer fixture) : OrganizationIsolationTests(fixture);

    public sealed class OnPostgres(PostgresServer fixture) : OrganizationIsolationTests(fixture);
}
