using Hangar.Contracts.Common;
using Hangar.Contracts.Devices;

namespace Hangar.Client;

public sealed class CohortsClient(ApiTransport transport)
{
    public Task<ListResponse<CohortResponse>> ListAsync(ListOptions? options = null, CancellationToken cancellationToken = default) =>
        transport.GetAsync<ListResponse<CohortResponse>>("api/v1/cohorts" + options?.ToQueryString(), cancellationToken);

    public Task<CohortResponse> GetAsync(string idOrHrn, CancellationToken cancellationToken = default) =>
        transport.GetAsync<CohortResponse>($"api/v1/cohorts/{ApiTransport.Segment(idOrHrn)}", cancellationToken);

    public Task<CohortResponse> CreateAsync(CreateCohortRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        transport.PostAsync<CohortResponse>("api/v1/cohorts", request, options, cancellationToken);

    public Task<CohortResponse> UpdateAsync(string idOrHrn, UpdateCohortRequest request, CancellationToken cancellationToken = default) =>
        transport.PatchAsync<CohortResponse>($"api/v1/cohorts/{ApiTransport.Segment(idOrHrn)}", request, cancellationToken);

    public Task DeleteAsync(string idOrHrn, CancellationToken cancellationToken = default) =>
        transport.DeleteAsync($"api/v1/cohorts/{ApiTransport.Segment(idOrHrn)}", cancellationToken);
}
