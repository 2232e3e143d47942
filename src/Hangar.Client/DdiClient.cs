using Hangar.Contracts.Common;
using Hangar.Contracts.Ddi;

namespace Hangar.Client;

/// <summary>hawkBit DDI: a device's target token and attributes, and the organization's gateway tokens.</summary>
public sealed class DdiClient(ApiTransport transport)
{
    public Task<DdiTargetResponse> GetTargetAsync(string device, CancellationToken cancellationToken = default) =>
        transport.GetAsync<DdiTargetResponse>($"api/v1/devices/{ApiTransport.Segment(device)}/ddi", cancellationToken);

    public Task<DdiTargetTokenCreatedResponse> CreateTargetTokenAsync(string device, CancellationToken cancellationToken = default) =>
        transport.PostAsync<DdiTargetTokenCreatedResponse>($"api/v1/devices/{ApiTransport.Segment(device)}/ddi/target_token", null, null, cancellationToken);

    public Task RevokeTargetTokenAsync(string device, CancellationToken cancellationToken = default) =>
        transport.DeleteAsync($"api/v1/devices/{ApiTransport.Segment(device)}/ddi/target_token", cancellationToken);

    public Task RequestAttributesAsync(string device, CancellationToken cancellationToken = default) =>
        transport.PostAsync($"api/v1/devices/{ApiTransport.Segment(device)}/ddi/request_attributes", null, cancellationToken);

    public Task<ListResponse<DdiGatewayTokenResponse>> ListGatewayTokensAsync(ListOptions? options = null, CancellationToken cancellationToken = default) =>
        transport.GetAsync<ListResponse<DdiGatewayTokenResponse>>("api/v1/ddi_gateway_tokens" + options?.ToQueryString(), cancellationToken);

    public Task<DdiGatewayTokenCreatedResponse> CreateGatewayTokenAsync(
        CreateDdiGatewayTokenRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        transport.PostAsync<DdiGatewayTokenCreatedResponse>("api/v1/ddi_gateway_tokens", request, options, cancellationToken);

    public Task RevokeGatewayTokenAsync(string id, CancellationToken cancellationToken = default) =>
        transport.DeleteAsync($"api/v1/ddi_gateway_tokens/{ApiTransport.Segment(id)}", cancellationToken);
}
