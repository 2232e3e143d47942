using Hangar.Contracts.Common;
using Hangar.Contracts.Firmware;

namespace Hangar.Client;

public sealed class BinarySignaturesClient(ApiTransport transport)
{
    public Task<ListResponse<BinarySignatureResponse>> ListAsync(ListOptions? options = null, CancellationToken cancellationToken = default) =>
        transport.GetAsync<ListResponse<BinarySignatureResponse>>("api/v1/binary_signatures" + options?.ToQueryString(), cancellationToken);

    public Task<BinarySignatureResponse> GetAsync(string idOrHrn, CancellationToken cancellationToken = default) =>
        transport.GetAsync<BinarySignatureResponse>($"api/v1/binary_signatures/{ApiTransport.Segment(idOrHrn)}", cancellationToken);

    public Task<BinarySignatureResponse> CreateAsync(CreateBinarySignatureRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        transport.PostAsync<BinarySignatureResponse>("api/v1/binary_signatures", request, options, cancellationToken);

    public Task DeleteAsync(string idOrHrn, CancellationToken cancellationToken = default) =>
        transport.DeleteAsync($"api/v1/binary_signatures/{ApiTransport.Segment(idOrHrn)}", cancellationToken);
}
