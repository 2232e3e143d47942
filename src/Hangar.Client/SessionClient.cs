using Hangar.Contracts.Access;
using Hangar.Contracts.Common;

namespace Hangar.Client;

/// <summary>
/// Console sessions. The HttpClient must keep cookies (a handler with a CookieContainer); after sign-in this client
/// sends the session's anti-forgery token on every request, as cookie-authenticated changes require.
/// </summary>
public sealed class SessionClient(ApiTransport transport)
{
    public async Task<SessionResponse> SignInAsync(SignInRequest request, CancellationToken cancellationToken = default)
    {
        var session = await transport.PostAsync<SessionResponse>("api/v1/session", request, null, cancellationToken);
        var headers = transport.Http.DefaultRequestHeaders;
        headers.Remove(HangarHeaders.CsrfToken);
        headers.Add(HangarHeaders.CsrfToken, session.CsrfToken);
        return session;
    }

    public Task<SessionResponse> GetAsync(CancellationToken cancellationToken = default) =>
        transport.GetAsync<SessionResponse>("api/v1/session", cancellationToken);

    /// <summary>Moves this session to another organization the user belongs to; the answer carries the role held there.</summary>
    public Task<SessionResponse> SwitchOrganizationAsync(SwitchOrganizationRequest request, CancellationToken cancellationToken = default) =>
        transport.PutAsync<SessionResponse>("api/v1/session/organization", request, cancellationToken);

    public Task SignOutAsync(CancellationToken cancellationToken = default) =>
        transport.DeleteAsync("api/v1/session", cancellationToken);
}
