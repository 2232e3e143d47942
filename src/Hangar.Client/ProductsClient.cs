using Hangar.Contracts.Common;
using Hangar.Contracts.Devices;

namespace Hangar.Client;

public sealed class ProductsClient(ApiTransport transport)
{
    public Task<ListResponse<ProductResponse>> ListAsync(ListOptions? options = null, CancellationToken cancellationToken = default) =>
        transport.GetAsync<ListResponse<ProductResponse>>("api/v1/products" + options?.ToQueryString(), cancellationToken);

    public Task<ProductResponse> GetAsync(string idOrHrn, CancellationToken cancellationToken = default) =>
        transport.GetAsync<ProductResponse>($"api/v1/products/{ApiTransport.Segment(idOrHrn)}", cancellationToken);

    public Task<ProductResponse> CreateAsync(CreateProductRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        transport.PostAsync<ProductResponse>("api/v1/products", request, options, cancellationToken);

    public Task<ProductResponse> UpdateAsync(string idOrHrn, UpdateProductRequest request, CancellationToken cancellationToken = default) =>
        transport.PatchAsync<ProductResponse>($"api/v1/products/{ApiTransport.Segment(idOrHrn)}", request, cancellationToken);

    public Task DeleteAsync(string idOrHrn, CancellationToken cancellationToken = default) =>
        transport.DeleteAsync($"api/v1/products/{ApiTransport.Segment(idOrHrn)}", cancellationToken);
}
