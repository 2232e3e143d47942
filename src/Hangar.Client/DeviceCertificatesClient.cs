using Hangar.Contracts.Common;
using Hangar.Contracts.Devices;

namespace Hangar.Client;

public sealed class DeviceCertificatesClient(ApiTransport transport)
{
    public Task<ListResponse<DeviceCertificateResponse>> ListAsync(ListOptions? options = null, CancellationToken cancellationToken = default) =>
        transport.GetAsync<ListResponse<DeviceCertificateResponse>>("api/v1/device_certificates" + options?.ToQueryString(), cancellationToken);

    public Task<DeviceCertificateResponse> GetAsync(string idOrHrn, CancellationToken cancellationToken = default) =>
        transport.GetAsync<DeviceCertificateResponse>($"api/v1/device_certificates/{ApiTransport.Segment(idOrHrn)}", cancellationToken);

    public Task<DeviceCertificateResponse> CreateAsync(CreateDeviceCertificateRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        transport.PostAsync<DeviceCertificateResponse>("api/v1/device_certificates", request, options, cancellationToken);

    /// <summary>Revokes the certificate: it stops authenticating at once; the record stays.</summary>
    public Task RevokeAsync(string idOrHrn, CancellationToken cancellationToken = default) =>
        transport.DeleteAsync($"api/v1/device_certificates/{ApiTransport.Segment(idOrHrn)}", cancellationToken);
}
