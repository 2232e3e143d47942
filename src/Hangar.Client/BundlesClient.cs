using Hangar.Contracts.Common;
using Hangar.Contracts.Firmware;

namespace Hangar.Client;

public sealed class BundlesClient(ApiTransport transport)
{
    public Task<ListResponse<BundleResponse>> ListAsync(ListOptions? options = null, CancellationToken cancellationToken = default) =>
        transport.GetAsync<ListResponse<BundleResponse>>("api/v1/bundles" + options?.ToQueryString(), cancellationToken);

    public Task<BundleResponse> GetAsync(string idOrHrn, CancellationToken cancellationToken = default) =>
        transport.GetAsync<BundleResponse>($"api/v1/bundles/{ApiTransport.Segment(idOrHrn)}", cancellationToken);

    public Task<BundleResponse> CreateAsync(CreateBundleRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        transport.PostAsync<BundleResponse>("api/v1/bundles", request, options, cancellationToken);

    /// <summary>Renames the bundle: the only change a bundle allows.</summary>
    public Task<BundleResponse> UpdateAsync(string idOrHrn, UpdateBundleRequest request, CancellationToken cancellationToken = default) =>
        transport.PatchAsync<BundleResponse>($"api/v1/bundles/{ApiTransport.Segment(idOrHrn)}", request, cancellationToken);

    public Task DeleteAsync(string idOrHrn, CancellationToken cancellationToken = default) =>
        transport.DeleteAsync($"api/v1/bundles/{ApiTransport.Segment(idOrHrn)}", cancellationToken);
}
