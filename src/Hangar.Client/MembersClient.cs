using Hangar.Contracts.Access;
using Hangar.Contracts.Common;

namespace Hangar.Client;

public sealed class MembersClient(ApiTransport transport)
{
    public Task<ListResponse<MemberResponse>> ListAsync(ListOptions? options = null, CancellationToken cancellationToken = default) =>
        transport.GetAsync<ListResponse<MemberResponse>>("api/v1/members" + options?.ToQueryString(), cancellationToken);

    public Task<MemberResponse> GetAsync(string idOrHrn, CancellationToken cancellationToken = default) =>
        transport.GetAsync<MemberResponse>($"api/v1/members/{ApiTransport.Segment(idOrHrn)}", cancellationToken);

    public Task<MemberAddedResponse> AddAsync(AddMemberRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        transport.PostAsync<MemberAddedResponse>("api/v1/members", request, options, cancellationToken);

    public Task<MemberResponse> UpdateAsync(string idOrHrn, UpdateMemberRequest request, CancellationToken cancellationToken = default) =>
        transport.PatchAsync<MemberResponse>($"api/v1/members/{ApiTransport.Segment(idOrHrn)}", request, cancellationToken);

    public Task RemoveAsync(string idOrHrn, CancellationToken cancellationToken = default) =>
        transport.DeleteAsync($"api/v1/members/{ApiTransport.Segment(idOrHrn)}", cancellationToken);

    /// <summary>Anonymous: sets the invited user's password.</summary>
    public Task AcceptInvitationAsync(AcceptInvitationRequest request, CancellationToken cancellationToken = default) =>
        transport.PostAsync("api/v1/invitations/accept", request, cancellationToken);
}
