using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using Hangar.Client;
using Hangar.Contracts.Common;
using Hangar.Contracts.Devices;
using Hangar.Contracts.Firmware;
using Hangar.Contracts.Releases;
using Hangar.Contracts.Updates;
using Hangar.Server.Tests.Firmware;
using Hangar.Server.Tests.Fixtures;
using Hangar.Testing.Pki;

namespace Hangar.Server.Tests.Updates;

/// <summary>
/// A tenant with a product, a cohort, devices with client certificates, signed bundles and releases, and the
/// device-side calls of the update protocol, over real mutual TLS.
/// </summary>
internal sealed class UpdateFleet(ServerFixture fixture, Tenant tenant, ProductResponse product, CohortResponse cohort, X509Certificate2 root)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public Tenant Tenant => tenant;
    public CohortResponse Cohort => cohort;
    public ProductResponse Product => product;

    public static async Task<UpdateFleet> CreateAsync(ServerFixture fixture)
    {
        var tenant = await fixture.NewTenantAsync();
        var product = await tenant.Owner.Products.CreateAsync(new CreateProductRequest("gateway"), cancellationToken: Cancel);
        var cohort = await tenant.Owner.Cohorts.CreateAsync(new CreateCohortRequest("stable", product.Id.ToString()), cancellationToken: Cancel);
        return new UpdateFleet(fixture, tenant, product, cohort, TestPki.Root($"CN=Fleet CA {Guid.CreateVersion7():N}"));
    }

    public async Task<FleetDevice> DeviceAsync(string identifier, IReadOnlyList<string>? tags = null, bool quarantined = false, bool inCohort = true)
    {
        var device = await tenant.Owner.Devices.CreateAsync(
            new CreateDeviceRequest(identifier, product.Id.ToString(), inCohort ? cohort.Id.ToString() : null, Tags: tags, Quarantined: quarantined), cancellationToken: Cancel);
        var leaf = TestPki.Leaf(root, identifier);
        await tenant.Owner.DeviceCertificates.CreateAsync(new CreateDeviceCertificateRequest(device.Id.ToString(), TestPki.Pem(leaf)), cancellationToken: Cancel);
        return new FleetDevice(device, DeviceHttp.Create(fixture.Server, leaf), leaf);
    }

    /// <summary>A bundle of one signed binary of <paramref name="size"/> random bytes.</summary>
    public async Task<BundleResponse> BundleAsync(int size = 2048)
    {
        var binary = await FirmwareBuilder.SignedAsync(tenant.Owner, FirmwareBuilder.Bytes(size));
        return await tenant.Owner.Bundles.CreateAsync(new CreateBundleRequest([new BundleEntryRequest(binary.Id.ToString())]), cancellationToken: Cancel);
    }

    /// <summary>Appends a release as the cohort's latest, through the Admin API.</summary>
    public Task<ReleaseResponse> ReleaseAsync(
        string name, BundleResponse bundle, bool required = false, string? version = null, string? versionRequirement = null,
        decimal phaseValue = 1m, IReadOnlyList<string>? phaseTags = null, DateTime? scheduleDate = null,
        decimal? haltFailureRate = null, int? haltMinimumDevices = null) =>
        tenant.Owner.Releases.CreateAsync(new CreateReleaseRequest(
            name, cohort.Id.ToString(), bundle.Id.ToString(), Required: required, ScheduleDate: scheduleDate,
            PhaseMode: phaseTags is null ? "numeric" : "tags", PhaseValue: phaseTags is null ? phaseValue : null, PhaseTags: phaseTags,
            Version: version, VersionRequirement: versionRequirement, HaltFailureRate: haltFailureRate, HaltMinimumDevices: haltMinimumDevices),
            cancellationToken: Cancel);

    /// <summary>The tenant's events of one type.</summary>
    public async Task<IReadOnlyList<Contracts.Events.EventResponse>> EventsAsync(string type) =>
        (await tenant.Owner.Events.ListAsync(new ListOptions(Search: $"type:'{type}'"), Cancel)).Data;

    public static async Task<HttpResponseMessage> SendCheckAsync(FleetDevice device, string? release = null, string? bundle = null, string? version = null, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "device/v1/update");
        Add(request, HangarHeaders.DeviceRelease, release);
        Add(request, HangarHeaders.DeviceBundle, bundle);
        Add(request, HangarHeaders.DeviceReleaseVersion, version);
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return await device.Http.SendAsync(request, Cancel);
    }

    /// <summary>An update check that must be answered 200 (after a transient 503, sent again as the agent does).</summary>
    public static async Task<UpdateCheckResponse> CheckAsync(FleetDevice device, string? release = null, string? bundle = null, string? version = null)
    {
        using var response = await TransientRetry.SendAsync(() => SendCheckAsync(device, release, bundle, version), Cancel);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Cancel)}");
        return (await response.Content.ReadFromJsonAsync<UpdateCheckResponse>(ApiTransport.JsonOptions, Cancel))!;
    }

    /// <summary>Posts a status report; a fresh report id unless one is given (to re-send a report).</summary>
    public static Task<HttpResponseMessage> ReportAsync(
        FleetDevice device, string state, Guid? release = null, Guid? bundleOverride = null, Guid? reportId = null, string? reason = null, int? progress = null,
        bool? retryable = null) =>
        device.Http.PostAsJsonAsync("device/v1/update/status", new UpdateStatusRequest(
            reportId ?? Guid.CreateVersion7(), state, release?.ToString(), bundleOverride?.ToString(), progress, Reason: reason, Retryable: retryable),
            ApiTransport.JsonOptions, Cancel);

    /// <summary>Reports each state in turn and asserts every report is accepted.</summary>
    public static async Task WalkAsync(FleetDevice device, Guid release, params string[] states)
    {
        foreach (var state in states)
        {
            using var response = await ReportAsync(device, state, release);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }
    }

    private static void Add(HttpRequestMessage request, string name, string? value)
    {
        if (value is not null)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
    }
}
