using Hangar.Contracts.Common;
using Hangar.Contracts.Firmware;

namespace Hangar.Client;

public sealed class ArtifactsClient(ApiTransport transport)
{
    public Task<ListResponse<ArtifactResponse>> ListAsync(ListOptions? options = null, CancellationToken cancellationToken = default) =>
        transport.GetAsync<ListResponse<ArtifactResponse>>("api/v1/artifacts" + options?.ToQueryString(), cancellationToken);

    public Task<ArtifactResponse> GetAsync(string idOrHrn, CancellationToken cancellationToken = default) =>
        transport.GetAsync<ArtifactResponse>($"api/v1/artifacts/{ApiTransport.Segment(idOrHrn)}", cancellationToken);

    public Task<ArtifactResponse> CreateAsync(CreateArtifactRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        transport.PostAsync<ArtifactResponse>("api/v1/artifacts", request, options, cancellationToken);

    public Task<ArtifactResponse> UpdateAsync(string idOrHrn, UpdateArtifactRequest request, CancellationToken cancellationToken = default) =>
        transport.PatchAsync<ArtifactResponse>($"api/v1/artifacts/{ApiTransport.Segment(idOrHrn)}", request, cancellationToken);

    public Task DeleteAsync(string idOrHrn, CancellationToken cancellationToken = default) =>
        transport.DeleteAsync($"api/v1/artifacts/{ApiTransport.Segment(idOrHrn)}", cancellationToken);
}
