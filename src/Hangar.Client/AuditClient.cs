using Hangar.Contracts.Audit;
using Hangar.Contracts.Common;

namespace Hangar.Client;

public sealed class AuditClient(ApiTransport transport)
{
    public Task<ListResponse<AuditEntryResponse>> ListAsync(ListOptions? options = null, CancellationToken cancellationToken = default) =>
        transport.GetAsync<ListResponse<AuditEntryResponse>>("api/v1/audit" + options?.ToQueryString(), cancellationToken);

    public Task<AuditEntryResponse> GetAsync(string idOrHrn, CancellationToken cancellationToken = default) =>
        transport.GetAsync<AuditEntryResponse>($"api/v1/audit/{ApiTransport.Segment(idOrHrn)}", cancellationToken);
}
