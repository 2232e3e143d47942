using Hangar.Contracts.Common;
using Hangar.Contracts.Firmware;

namespace Hangar.Client;

public sealed class SigningKeysClient(ApiTransport transport)
{
    public Task<ListResponse<SigningKeyResponse>> ListAsync(ListOptions? options = null, CancellationToken cancellationToken = default) =>
        transport.GetAsync<ListResponse<SigningKeyResponse>>("api/v1/signing_keys" + options?.ToQueryString(), cancellationToken);

    public Task<SigningKeyResponse> GetAsync(string idOrHrn, CancellationToken cancellationToken = default) =>
        transport.GetAsync<SigningKeyResponse>($"api/v1/signing_keys/{ApiTransport.Segment(idOrHrn)}", cancellationToken);

    public Task<SigningKeyResponse> CreateAsync(CreateSigningKeyRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        transport.PostAsync<SigningKeyResponse>("api/v1/signing_keys", request, options, cancellationToken);

    public Task<SigningKeyResponse> UpdateAsync(string idOrHrn, UpdateSigningKeyRequest request, CancellationToken cancellationToken = default) =>
        transport.PatchAsync<SigningKeyResponse>($"api/v1/signing_keys/{ApiTransport.Segment(idOrHrn)}", request, cancellationToken);

    /// <summary>Revokes the key for good: its signatures stop counting everywhere. Revoking a revoked key changes nothing.</summary>
    public Task<SigningKeyResponse> RevokeAsync(string idOrHrn, RevokeSigningKeyRequest request, CancellationToken cancellationToken = default) =>
        transport.PostAsync<SigningKeyResponse>($"api/v1/signing_keys/{ApiTransport.Segment(idOrHrn)}/revoke", request, null, cancellationToken);

    public Task DeleteAsync(string idOrHrn, CancellationToken cancellationToken = default) =>
        transport.DeleteAsync($"api/v1/signing_keys/{ApiTransport.Segment(idOrHrn)}", cancellationToken);
}
