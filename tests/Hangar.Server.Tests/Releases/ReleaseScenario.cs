using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Hangar.Client;
using Hangar.Contracts.Devices;
using Hangar.Contracts.Firmware;
using Hangar.Contracts.Releases;
using Hangar.Server.Tests.Firmware;
using Hangar.Server.Tests.Fixtures;

namespace Hangar.Server.Tests.Releases;

/// <summary>
/// A tenant with a product, a cohort and one signed binary that bundles are made of, so release tests only say what
/// graph they need. Everything goes through the typed client, as a user would do it.
/// </summary>
internal sealed class ReleaseScenario
{
    private ReleaseScenario(Tenant tenant, Guid productId, Guid cohortId, Guid binaryId)
    {
        Tenant = tenant;
        ProductId = productId;
        CohortId = cohortId;
        BinaryId = binaryId;
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public Tenant Tenant { get; }

    public HangarClient Client => Tenant.Owner;

    public Guid ProductId { get; }

    public Guid CohortId { get; }

    public Guid BinaryId { get; }

    public static async Task<ReleaseScenario> StartAsync(ServerFixture fixture)
    {
        var tenant = await fixture.NewTenantAsync();
        var product = await tenant.Owner.Products.CreateAsync(new CreateProductRequest("gateway"), cancellationToken: Cancel);
        var cohort = await tenant.Owner.Cohorts.CreateAsync(new CreateCohortRequest("stable", product.Id.ToString()), cancellationToken: Cancel);
        var binary = await FirmwareBuilder.SignedAsync(tenant.Owner, FirmwareBuilder.Bytes(1100));
        return new ReleaseScenario(tenant, product.Id, cohort.Id, binary.Id);
    }

    /// <summary>Another cohort of the same product.</summary>
    public async Task<Guid> CohortAsync(string name) =>
        (await Client.Cohorts.CreateAsync(new CreateCohortRequest(name, ProductId.ToString()), cancellationToken: Cancel)).Id;

    /// <summary>A fresh bundle (of the scenario's signed binary): releases are told apart by their bundles.</summary>
    public async Task<Guid> BundleAsync(string? name = null) =>
        (await Client.Bundles.CreateAsync(new CreateBundleRequest([new BundleEntryRequest(BinaryId.ToString())], name), cancellationToken: Cancel)).Id;

    /// <summary>Creates a release in the scenario's cohort with a new bundle; <paramref name="change"/> adjusts the request.</summary>
    public async Task<ReleaseResponse> ReleaseAsync(string name, Func<CreateReleaseRequest, CreateReleaseRequest>? change = null, Guid? cohortId = null)
    {
        var request = new CreateReleaseRequest(name, (cohortId ?? CohortId).ToString(), (await BundleAsync()).ToString());
        return await Client.Releases.CreateAsync(change is null ? request : change(request), cancellationToken: Cancel);
    }

    /// <summary>Appends <paramref name="count"/> releases r0 → r1 → … (the last is the latest).</summary>
    public async Task<List<ReleaseResponse>> ChainAsync(int count)
    {
        var releases = new List<ReleaseResponse>();
        for (var i = 0; i < count; i++)
        {
            releases.Add(await ReleaseAsync($"r{i}"));
        }

        return releases;
    }

    /// <summary>Every release of the cohort, oldest first.</summary>
    public async Task<IReadOnlyList<ReleaseResponse>> ReleasesAsync(Guid? cohortId = null) =>
        (await Client.Releases.ListAsync(new ListOptions(Limit: 100, Search: $"cohort_id:'{cohortId ?? CohortId}'"), Cancel)).Data;

    /// <summary>The graph as name → next name (null for the latest).</summary>
    public async Task<Dictionary<string, string?>> EdgesAsync(Guid? cohortId = null)
    {
        var releases = await ReleasesAsync(cohortId);
        var names = releases.ToDictionary(r => r.Id, r => r.Name);
        return releases.ToDictionary(r => r.Name, r => r.NextReleaseId is { } next ? names.GetValueOrDefault(next, next.ToString()) : null);
    }

    // Lists of responses are not wire types of their own: reflection after the generated metadata serves them.
    private static readonly JsonSerializerOptions AnyShape = new(ApiTransport.JsonOptions)
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine(ApiTransport.JsonOptions.TypeInfoResolver, new DefaultJsonTypeInfoResolver()),
    };

    /// <summary>Responses as JSON, for comparing records that hold lists (which compare by reference).</summary>
    public static string Json(object value) => JsonSerializer.Serialize(value, AnyShape);

    public async Task<DeviceResponse> DeviceAsync(string identifier, Guid? cohortId = null) =>
        await Client.Devices.CreateAsync(new CreateDeviceRequest(identifier, ProductId.ToString(), (cohortId ?? CohortId).ToString()), cancellationToken: Cancel);
}
