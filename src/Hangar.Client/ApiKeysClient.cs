using Hangar.Contracts.Access;
using Hangar.Contracts.Common;

namespace Hangar.Client;

public sealed class ApiKeysClient(ApiTransport transport)
{
    public Task<ListResponse<ApiKeyResponse>> ListAsync(ListOptions? options = null, CancellationToken cancellationToken = default) =>
        transport.GetAsync<ListResponse<ApiKeyResponse>>("api/v1/api_keys" + options?.ToQueryString(), cancellationToken);

    public Task<ApiKeyResponse> GetAsync(string idOrHrn, CancellationToken cancellationToken = default) =>
        transport.GetAsync<ApiKeyResponse>($"api/v1/api_keys/{ApiTransport.Segment(idOrHrn)}", cancellationToken);

    public Task<ApiKeyCreatedResponse> CreateAsync(CreateApiKeyRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        transport.PostAsync<ApiKeyCreatedResponse>("api/v1/api_keys", request, options, cancellationToken);

    public Task RevokeAsync(string idOrHrn, CancellationToken cancellationToken = default) =>
        transport.DeleteAsync($"api/v1/api_keys/{ApiTransport.Segment(idOrHrn)}", cancellationToken);
}
