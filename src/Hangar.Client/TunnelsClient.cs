using Hangar.Contracts.Common;
using Hangar.Contracts.Tunnels;

namespace Hangar.Client;

public sealed class TunnelsClient(ApiTransport transport)
{
    public Task<ListResponse<TunnelResponse>> ListAsync(ListOptions? options = null, CancellationToken cancellationToken = default) =>
        transport.GetAsync<ListResponse<TunnelResponse>>("api/v1/tunnels" + options?.ToQueryString(), cancellationToken);

    public Task<TunnelResponse> GetAsync(string idOrHrn, CancellationToken cancellationToken = default) =>
        transport.GetAsync<TunnelResponse>($"api/v1/tunnels/{ApiTransport.Segment(idOrHrn)}", cancellationToken);

    /// <summary>Requests a tunnel; it is <c>requested</c> until the agent accepts it. The token is returned only here and by rotation.</summary>
    public Task<TunnelTokenResponse> CreateAsync(CreateTunnelRequest request, CancellationToken cancellationToken = default) =>
        transport.PostAsync<TunnelTokenResponse>("api/v1/tunnels", request, null, cancellationToken);

    public Task<TunnelResponse> ExtendAsync(string idOrHrn, ExtendTunnelRequest request, CancellationToken cancellationToken = default) =>
        transport.PostAsync<TunnelResponse>($"api/v1/tunnels/{ApiTransport.Segment(idOrHrn)}/extend", request, null, cancellationToken);

    public Task<TunnelResponse> CloseAsync(string idOrHrn, CancellationToken cancellationToken = default) =>
        transport.PostAsync<TunnelResponse>($"api/v1/tunnels/{ApiTransport.Segment(idOrHrn)}/close", null, null, cancellationToken);

    public Task<TunnelTokenResponse> RotateTokenAsync(string idOrHrn, CancellationToken cancellationToken = default) =>
        transport.PostAsync<TunnelTokenResponse>($"api/v1/tunnels/{ApiTransport.Segment(idOrHrn)}/rotate_token", null, null, cancellationToken);
}
