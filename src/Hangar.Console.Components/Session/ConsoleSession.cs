using Hangar.Client;
using Hangar.Contracts.Access;
using Hangar.Contracts.Common;
using Microsoft.JSInterop;

namespace Hangar.Console.Session;

/// <summary>
/// The signed-in user as the server reported it (role and organization included), and the client that acts for them.
/// The server still decides every call; the role here only hides what would be refused.
/// </summary>
internal sealed class ConsoleSession(HangarClient client, IJSRuntime js)
{
    // Only a hint that a session cookie may exist (the cookie itself is HttpOnly): without it the console does not ask
    // for the session, which would answer 401 and put an error in the browser console on every cold load.
    private const string SignedInHint = "hangar.signedIn";

    public HangarClient Client { get; } = client;

    public CurrentUserResponse? User { get; private set; }

    public bool IsSignedIn => User is not null;

    public bool Resumed { get; private set; }

    public event Action? Changed;

    /// <summary>Operators and above change products, cohorts, devices, firmware and releases (docs/api.md, permissions).</summary>
    public bool CanOperate => Rank >= 1;

    /// <summary>Admins and owners manage members, API keys, certificates and webhooks.</summary>
    public bool CanAdminister => Rank >= 2;

    private int Rank => User?.Role switch
    {
        "operator" => 1,
        "admin" => 2,
        "owner" => 3,
        _ => 0,
    };

    /// <summary>Picks up a session the browser's cookie still holds (a reload), once per page load.</summary>
    public async Task ResumeAsync(CancellationToken cancellationToken = default)
    {
        if (Resumed)
        {
            return;
        }

        if (await js.InvokeAsync<string?>("localStorage.getItem", cancellationToken, SignedInHint) is not null)
        {
            try
            {
                Accept(await Client.Session.GetAsync(cancellationToken));
            }
            catch (HangarApiException)
            {
                // The session expired or was ended elsewhere: the sign-in page shows.
                await js.InvokeVoidAsync("localStorage.removeItem", cancellationToken, SignedInHint);
            }
        }

        Resumed = true;
        Changed?.Invoke();
    }

    public async Task SignInAsync(string email, string password, Guid? organizationId, CancellationToken cancellationToken = default)
    {
        var session = await Client.Session.SignInAsync(new SignInRequest(email, password, organizationId), cancellationToken);
        User = session.User;
        Resumed = true;
        await js.InvokeVoidAsync("localStorage.setItem", cancellationToken, SignedInHint, "1");
        Changed?.Invoke();
    }

    /// <summary>Moves the session to another of the user's organizations; the role shown becomes the one held there.</summary>
    public async Task SwitchOrganizationAsync(Guid organizationId, CancellationToken cancellationToken = default)
    {
        Accept(await Client.Session.SwitchOrganizationAsync(new SwitchOrganizationRequest(organizationId), cancellationToken));
        Changed?.Invoke();
    }

    public async Task SignOutAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await Client.Session.SignOutAsync(cancellationToken);
        }
        finally
        {
            await js.InvokeVoidAsync("localStorage.removeItem", cancellationToken, SignedInHint);
            Client.Transport.Http.DefaultRequestHeaders.Remove(HangarHeaders.CsrfToken);
            User = null;
            Changed?.Invoke();
        }
    }

    private void Accept(SessionResponse session)
    {
        var headers = Client.Transport.Http.DefaultRequestHeaders;
        headers.Remove(HangarHeaders.CsrfToken);
        headers.Add(HangarHeaders.CsrfToken, session.CsrfToken);
        User = session.User;
    }
}
