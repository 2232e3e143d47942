using Hangar.Contracts.Common;
using Hangar.Contracts.Releases;

namespace Hangar.Client;

/// <summary>Bundle overrides and their device lists.</summary>
public sealed class BundleOverridesClient(ApiTransport transport)
{
    public Task<ListResponse<BundleOverrideResponse>> ListAsync(ListOptions? options = null, CancellationToken cancellationToken = default) =>
        transport.GetAsync<ListResponse<BundleOverrideResponse>>("api/v1/bundle_overrides" + options?.ToQueryString(), cancellationToken);

    public Task<BundleOverrideResponse> GetAsync(string idOrHrn, CancellationToken cancellationToken = default) =>
        transport.GetAsync<BundleOverrideResponse>(Path(idOrHrn), cancellationToken);

    public Task<BundleOverrideResponse> CreateAsync(CreateBundleOverrideRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        transport.PostAsync<BundleOverrideResponse>("api/v1/bundle_overrides", request, options, cancellationToken);

    public Task<BundleOverrideResponse> UpdateAsync(string idOrHrn, UpdateBundleOverrideRequest request, CancellationToken cancellationToken = default) =>
        transport.PatchAsync<BundleOverrideResponse>(Path(idOrHrn), request, cancellationToken);

    public Task DeleteAsync(string idOrHrn, CancellationToken cancellationToken = default) =>
        transport.DeleteAsync(Path(idOrHrn), cancellationToken);

    public Task<ListResponse<BundleOverrideDeviceResponse>> ListDevicesAsync(string idOrHrn, ListOptions? options = null, CancellationToken cancellationToken = default) =>
        transport.GetAsync<ListResponse<BundleOverrideDeviceResponse>>($"{Path(idOrHrn)}/devices" + options?.ToQueryString(), cancellationToken);

    /// <summary>Adds up to 1,000 devices (ids or HRNs); devices already in the override are left as they are.</summary>
    public Task<AddBundleOverrideDevicesResponse> AddDevicesAsync(string idOrHrn, AddBundleOverrideDevicesRequest request, CancellationToken cancellationToken = default) =>
        transport.PostAsync<AddBundleOverrideDevicesResponse>($"{Path(idOrHrn)}/devices", request, null, cancellationToken);

    public Task RemoveDeviceAsync(string idOrHrn, string deviceIdOrHrn, CancellationToken cancellationToken = default) =>
        transport.DeleteAsync($"{Path(idOrHrn)}/devices/{ApiTransport.Segment(deviceIdOrHrn)}", cancellationToken);

    private static string Path(string idOrHrn) => $"api/v1/bundle_overrides/{ApiTransport.Segment(idOrHrn)}";
}
