using Hangar.Contracts.Access;

namespace Hangar.Client;

public sealed class UsersClient(ApiTransport transport)
{
    public Task<CurrentUserResponse> MeAsync(CancellationToken cancellationToken = default) =>
        transport.GetAsync<CurrentUserResponse>("api/v1/users/me", cancellationToken);

    /// <summary>Works from a console session only (an API key cannot change its creator's password).</summary>
    public Task ChangePasswordAsync(ChangePasswordRequest request, CancellationToken cancellationToken = default) =>
        transport.PutAsync("api/v1/users/me/password", request, cancellationToken);
}
