using Hangar.Contracts.Common;
using Hangar.Contracts.Devices;

namespace Hangar.Client;

public sealed class CaCertificatesClient(ApiTransport transport)
{
    public Task<ListResponse<CaCertificateResponse>> ListAsync(ListOptions? options = null, CancellationToken cancellationToken = default) =>
        transport.GetAsync<ListResponse<CaCertificateResponse>>("api/v1/ca_certificates" + options?.ToQueryString(), cancellationToken);

    public Task<CaCertificateResponse> GetAsync(string idOrHrn, CancellationToken cancellationToken = default) =>
        transport.GetAsync<CaCertificateResponse>($"api/v1/ca_certificates/{ApiTransport.Segment(idOrHrn)}", cancellationToken);

    /// <summary>A single-use, expiring code to put in the CN of a verification certificate signed by the CA's key.</summary>
    public Task<VerificationCodeResponse> CreateVerificationCodeAsync(CancellationToken cancellationToken = default) =>
        transport.PostAsync<VerificationCodeResponse>("api/v1/ca_certificates/verification_codes", null, null, cancellationToken);

    public Task<CaCertificateResponse> CreateAsync(CreateCaCertificateRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        transport.PostAsync<CaCertificateResponse>("api/v1/ca_certificates", request, options, cancellationToken);

    public Task<CaCertificateResponse> UpdateAsync(string idOrHrn, UpdateCaCertificateRequest request, CancellationToken cancellationToken = default) =>
        transport.PatchAsync<CaCertificateResponse>($"api/v1/ca_certificates/{ApiTransport.Segment(idOrHrn)}", request, cancellationToken);

    public Task DeleteAsync(string idOrHrn, CancellationToken cancellationToken = default) =>
        transport.DeleteAsync($"api/v1/ca_certificates/{ApiTransport.Segment(idOrHrn)}", cancellationToken);

    /// <summary>Where devices connect: the device listener's address as devices should reach it.</summary>
    public Task<ServerInfoResponse> ServerInfoAsync(CancellationToken cancellationToken = default) =>
        transport.GetAsync<ServerInfoResponse>("api/v1/server", cancellationToken);

    /// <summary>The server's own CA certificate (PEM), which agents pin to trust the device listener.</summary>
    public async Task<string> ServerCaCertificateAsync(CancellationToken cancellationToken = default)
    {
        using var response = await transport.Http.GetAsync("api/v1/server/ca_certificate", cancellationToken);
        await ApiTransport.EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }
}
