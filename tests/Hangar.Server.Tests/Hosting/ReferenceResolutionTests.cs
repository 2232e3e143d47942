using System.Net;
using Hangar.Contracts.Access;
using Hangar.Contracts.Common;
using Hangar.Contracts.Devices;
using Hangar.Contracts.Firmware;
using Hangar.Contracts.Releases;
using Hangar.Contracts.Webhooks;
using Hangar.Server.Tests.Devices;
using Hangar.Server.Tests.Firmware;
using Hangar.Server.Tests.Fixtures;
using Hangar.Testing.Pki;

namespace Hangar.Server.Tests.Hosting;

/// <summary>
/// The one rule for naming a resource (docs/api.md, "Referencing resources"): id, resource name, or what the resource
/// is called; several matches are 409 ambiguous_reference with the candidates; another organization's are not found.
/// </summary>
public abstract class ReferenceResolutionTests(ServerFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryNamedType_IsFound_ByItsNameInAPath()
    {
        var tenant = await fixture.NewTenantAsync();
        var api = tenant.Owner;
        var product = await api.Products.CreateAsync(new CreateProductRequest("gateway"), cancellationToken: Cancel);
        var cohort = await api.Cohorts.CreateAsync(new CreateCohortRequest("beta", "gateway"), cancellationToken: Cancel);
        var device = await api.Devices.CreateAsync(new CreateDeviceRequest("gw-0001", "gateway", "beta"), cancellationToken: Cancel);
        var artifact = await api.Artifacts.CreateAsync(new CreateArtifactRequest("app"), cancellationToken: Cancel);
        var version = await api.ArtifactVersions.CreateAsync(new CreateArtifactVersionRequest("app", "1.2.0"), cancellationToken: Cancel);
        var binary = await FirmwareBuilder.SignedAsync(api, FirmwareBuilder.Bytes(1100));
        var (key, privateKey) = await FirmwareBuilder.SigningKeyAsync(api);
        privateKey.Dispose();
        var bundle = await api.Bundles.CreateAsync(new CreateBundleRequest([new BundleEntryRequest(binary.Hrn)], "first"), cancellationToken: Cancel);
        var release = await api.Releases.CreateAsync(new CreateReleaseRequest("r1", "beta", "first"), cancellationToken: Cancel);
        var bundleOverride = await api.BundleOverrides.CreateAsync(
            new CreateBundleOverrideRequest("hotfix", "first", new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc)), cancellationToken: Cancel);
        var webhook = (await api.Webhooks.CreateAsync(new CreateWebhookRequest("https://hooks.invalid/hangar", ["*"]), cancellationToken: Cancel)).Webhook;
        var apiKey = (await api.ApiKeys.CreateAsync(new CreateApiKeyRequest("ci", "viewer"), cancellationToken: Cancel)).Key;
        using var root = TestPki.Root();
        var ca = await CaRegistrar.RegisterAsync(api, root);

        Assert.Equal(product.Id, (await api.Products.GetAsync("gateway", Cancel)).Id);
        Assert.Equal(cohort.Id, (await api.Cohorts.GetAsync("beta", Cancel)).Id);
        Assert.Equal(device.Id, (await api.Devices.GetAsync("gw-0001", Cancel)).Id);
        Assert.Equal(artifact.Id, (await api.Artifacts.GetAsync("app", Cancel)).Id);
        Assert.Equal(version.Id, (await api.ArtifactVersions.GetAsync("1.2.0", Cancel)).Id);
        Assert.Equal(key.Id, (await api.SigningKeys.GetAsync(key.Name, Cancel)).Id);
        Assert.Equal(key.Id, (await api.SigningKeys.GetAsync(key.KeyId, Cancel)).Id);
        Assert.Equal(bundle.Id, (await api.Bundles.GetAsync("first", Cancel)).Id);
        Assert.Equal(release.Id, (await api.Releases.GetAsync("r1", Cancel)).Id);
        Assert.Equal(bundleOverride.Id, (await api.BundleOverrides.GetAsync("hotfix", Cancel)).Id);
        Assert.Equal(webhook.Id, (await api.Webhooks.GetAsync("https://hooks.invalid/hangar", Cancel)).Id);
        Assert.Equal(apiKey.Id, (await api.ApiKeys.GetAsync("ci", Cancel)).Id);
        Assert.Equal(apiKey.Id, (await api.ApiKeys.GetAsync(apiKey.Prefix, Cancel)).Id);
        Assert.Equal(ca.Id, (await api.CaCertificates.GetAsync(ca.Fingerprint, Cancel)).Id);
        Assert.Equal(device.Id, (await api.Devices.UpdateAsync("gw-0001", new UpdateDeviceRequest(Description: "renamed"), Cancel)).Id);
        Assert.Equal(release.Id, (await api.Releases.HaltAsync("r1", new HaltReleaseRequest("stop"), Cancel)).Id);
    }

    [Fact]
    public async Task NamesInBodyFields_AreResolved_AndAReleaseNameWithinTheRequestsCohort()
    {
        var tenant = await fixture.NewTenantAsync();
        var api = tenant.Owner;
        await api.Products.CreateAsync(new CreateProductRequest("gateway"), cancellationToken: Cancel);
        var stable = await api.Cohorts.CreateAsync(new CreateCohortRequest("stable", "gateway"), cancellationToken: Cancel);
        var beta = await api.Cohorts.CreateAsync(new CreateCohortRequest("beta", "gateway"), cancellationToken: Cancel);
        var binary = await FirmwareBuilder.SignedAsync(api, FirmwareBuilder.Bytes(1100));
        await api.Bundles.CreateAsync(new CreateBundleRequest([new BundleEntryRequest(binary.Id.ToString())], "b1"), cancellationToken: Cancel);
        await api.Bundles.CreateAsync(new CreateBundleRequest([new BundleEntryRequest(binary.Id.ToString())], "b2"), cancellationToken: Cancel);

        // The same release names in two cohorts: a name given with the cohort picks the one in it.
        var betaOld = await api.Releases.CreateAsync(new CreateReleaseRequest("1.0", "beta", "b1"), cancellationToken: Cancel);
        await api.Releases.CreateAsync(new CreateReleaseRequest("1.0", "stable", "b1"), cancellationToken: Cancel);
        var inserted = await api.Releases.CreateAsync(new CreateReleaseRequest("0.9", "beta", "b2", NextRelease: "1.0"), cancellationToken: Cancel);
        Assert.Equal(beta.Id, inserted.CohortId);
        Assert.Equal(betaOld.Id, inserted.NextReleaseId);
        Assert.NotEqual(stable.Id, inserted.CohortId);

        var device = await api.Devices.CreateAsync(new CreateDeviceRequest("gw-0001", "gateway"), cancellationToken: Cancel);
        var certificate = await api.DeviceCertificates.CreateAsync(
            new CreateDeviceCertificateRequest("gw-0001", TestPki.Pem(TestPki.SelfSignedLeaf("gw-0001"))), cancellationToken: Cancel);
        Assert.Equal(device.Id, certificate.DeviceId);
        Assert.Equal(certificate.Id, (await api.DeviceCertificates.GetAsync(certificate.Fingerprint, Cancel)).Id);
    }

    [Fact]
    public async Task AName_ThatPicksSeveral_IsAmbiguous_AndListsTheCandidates()
    {
        var tenant = await fixture.NewTenantAsync();
        var api = tenant.Owner;
        await api.Products.CreateAsync(new CreateProductRequest("camera"), cancellationToken: Cancel);
        await api.Products.CreateAsync(new CreateProductRequest("doorbell"), cancellationToken: Cancel);
        var first = await api.Cohorts.CreateAsync(new CreateCohortRequest("beta", "camera"), cancellationToken: Cancel);
        var second = await api.Cohorts.CreateAsync(new CreateCohortRequest("beta", "doorbell"), cancellationToken: Cancel);

        var inPath = await Api.ThrowsApiAsync(() => api.Cohorts.GetAsync("beta", Cancel));
        Assert.Equal(HttpStatusCode.Conflict, inPath.Status);
        Assert.Equal(ErrorCodes.AmbiguousReference, inPath.Code);
        Assert.Equal(
            [new ReferenceCandidate(first.Id, first.Hrn, "camera/beta"), new ReferenceCandidate(second.Id, second.Hrn, "doorbell/beta")],
            inPath.Problem!.Candidates);

        var binary = await FirmwareBuilder.SignedAsync(api, FirmwareBuilder.Bytes(1100));
        var bundle = await api.Bundles.CreateAsync(new CreateBundleRequest([new BundleEntryRequest(binary.Id.ToString())]), cancellationToken: Cancel);
        var inBody = await Api.ThrowsApiAsync(() => api.Releases.CreateAsync(new CreateReleaseRequest("r1", "beta", bundle.Id.ToString()), cancellationToken: Cancel));
        Assert.Equal(ErrorCodes.AmbiguousReference, inBody.Code);
        Assert.Equal([first.Id, second.Id], inBody.Problem!.Candidates!.Select(c => c.Id));

        // Either candidate's id or resource name settles it; the refused call was audited as a conflict.
        Assert.Equal(second.Id, (await api.Releases.CreateAsync(new CreateReleaseRequest("r1", second.Hrn, bundle.Id.ToString()), cancellationToken: Cancel)).CohortId);
        var audit = await api.Audit.ListAsync(new Client.ListOptions(Search: "action:'release.create' and status_code:409"), Cancel);
        Assert.Single(audit.Data);
    }

    [Fact]
    public async Task AnotherOrganizationsNames_AreNotFound_InPathsAndBodies()
    {
        var tenant = await fixture.NewTenantAsync();
        var other = await fixture.NewTenantAsync();
        var theirs = await other.Owner.Products.CreateAsync(new CreateProductRequest("theirs"), cancellationToken: Cancel);
        await other.Owner.Devices.CreateAsync(new CreateDeviceRequest("their-device", "theirs"), cancellationToken: Cancel);

        Assert.Equal(HttpStatusCode.NotFound, (await Api.ThrowsApiAsync(() => tenant.Owner.Products.GetAsync("theirs", Cancel))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.ThrowsApiAsync(() => tenant.Owner.Products.GetAsync(theirs.Hrn, Cancel))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.ThrowsApiAsync(() => tenant.Owner.Devices.GetAsync("their-device", Cancel))).Status);
        var field = await Api.ThrowsApiAsync(() => tenant.Owner.Cohorts.CreateAsync(new CreateCohortRequest("c", "theirs"), cancellationToken: Cancel));
        Assert.Equal(HttpStatusCode.BadRequest, field.Status);

        // The same name in both organizations is no ambiguity: each caller sees only its own.
        var ours = await tenant.Owner.Products.CreateAsync(new CreateProductRequest("theirs"), cancellationToken: Cancel);
        Assert.Equal(ours.Id, (await tenant.Owner.Products.GetAsync("theirs", Cancel)).Id);
    }

    [Fact]
    public async Task AMember_IsFound_ByEmailInAnyCase_OrHrn_AndOnlyInTheCallersOrganization()
    {
        var tenant = await fixture.NewTenantAsync();
        var other = await fixture.NewTenantAsync();
        var unique = tenant.OrganizationId.ToString("N");
        var ada = (await tenant.Owner.Members.AddAsync(new AddMemberRequest($"ada-{unique}@example.com", "viewer"), cancellationToken: Cancel)).Member;
        var theirs = (await other.Owner.Members.AddAsync(new AddMemberRequest($"bob-{unique}@example.com", "viewer"), cancellationToken: Cancel)).Member;

        Assert.Equal(ada.Id, (await tenant.Owner.Members.GetAsync($"Ada-{unique}@Example.COM", Cancel)).Id);
        Assert.Equal(ada.Id, (await tenant.Owner.Members.GetAsync(ada.Hrn, Cancel)).Id);
        Assert.Equal("operator", (await tenant.Owner.Members.UpdateAsync(ada.Email, new UpdateMemberRequest("operator"), Cancel)).Role);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.ThrowsApiAsync(() => tenant.Owner.Members.GetAsync(theirs.Email, Cancel))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.ThrowsApiAsync(() => tenant.Owner.Members.RemoveAsync(theirs.Email, Cancel))).Status);

        // One user in two organizations: each caller's email picks its own organization's membership.
        var adaThere = (await other.Owner.Members.AddAsync(new AddMemberRequest(ada.Email, "viewer"), cancellationToken: Cancel)).Member;
        Assert.Equal(adaThere.Id, (await other.Owner.Members.GetAsync(ada.Email, Cancel)).Id);
        await tenant.Owner.Members.RemoveAsync(ada.Email, Cancel);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.ThrowsApiAsync(() => tenant.Owner.Members.GetAsync(ada.Email, Cancel))).Status);
        Assert.Equal(adaThere.Id, (await other.Owner.Members.GetAsync(ada.Email, Cancel)).Id);
    }

    public sealed class OnSqlite(SqliteServer fixture) : ReferenceResolutionTests(fixture);

    public sealed class OnPostgres(PostgresServer fixture) : ReferenceResolutionTests(fixture);
}
