using Hangar.Contracts.Common;
using Hangar.Contracts.Organizations;

namespace Hangar.Client;

public sealed class OrganizationsClient(ApiTransport transport)
{
    public Task<ListResponse<OrganizationResponse>> ListAsync(ListOptions? options = null, CancellationToken cancellationToken = default) =>
        transport.GetAsync<ListResponse<OrganizationResponse>>("api/v1/organizations" + options?.ToQueryString(), cancellationToken);

    public Task<OrganizationResponse> GetAsync(string idOrHrn, CancellationToken cancellationToken = default) =>
        transport.GetAsync<OrganizationResponse>($"api/v1/organizations/{ApiTransport.Segment(idOrHrn)}", cancellationToken);

    public Task<OrganizationCreatedResponse> CreateAsync(CreateOrganizationRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        transport.PostAsync<OrganizationCreatedResponse>("api/v1/organizations", request, options, cancellationToken);

    public Task<OrganizationResponse> UpdateAsync(string idOrHrn, UpdateOrganizationRequest request, CancellationToken cancellationToken = default) =>
        transport.PatchAsync<OrganizationResponse>($"api/v1/organizations/{ApiTransport.Segment(idOrHrn)}", request, cancellationToken);
}
