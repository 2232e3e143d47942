using Hangar.Contracts.Common;
using Hangar.Contracts.Firmware;

namespace Hangar.Client;

public sealed class ArtifactVersionsClient(ApiTransport transport)
{
    public Task<ListResponse<ArtifactVersionResponse>> ListAsync(ListOptions? options = null, CancellationToken cancellationToken = default) =>
        transport.GetAsync<ListResponse<ArtifactVersionResponse>>("api/v1/artifact_versions" + options?.ToQueryString(), cancellationToken);

    public Task<ArtifactVersionResponse> GetAsync(string idOrHrn, CancellationToken cancellationToken = default) =>
        transport.GetAsync<ArtifactVersionResponse>($"api/v1/artifact_versions/{ApiTransport.Segment(idOrHrn)}", cancellationToken);

    public Task<ArtifactVersionResponse> CreateAsync(CreateArtifactVersionRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        transport.PostAsync<ArtifactVersionResponse>("api/v1/artifact_versions", request, options, cancellationToken);

    public Task<ArtifactVersionResponse> UpdateAsync(string idOrHrn, UpdateArtifactVersionRequest request, CancellationToken cancellationToken = default) =>
        transport.PatchAsync<ArtifactVersionResponse>($"api/v1/artifact_versions/{ApiTransport.Segment(idOrHrn)}", request, cancellationToken);

    public Task DeleteAsync(string idOrHrn, CancellationToken cancellationToken = default) =>
        transport.DeleteAsync($"api/v1/artifact_versions/{ApiTransport.Segment(idOrHrn)}", cancellationToken);
}
