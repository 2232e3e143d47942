using System.Net;
using Hangar.Client;
using Hangar.Contracts.Access;

namespace Hangar.Server.Tests.Fixtures;

/// <summary>Users that exist only for one test: invited, accepted, and signed in through the console session API.</summary>
internal static class SessionClients
{
    public const string Password = "correct horse battery staple";

    public static async Task<(string Email, Guid MemberId)> InviteAndAcceptAsync(ServerFixture fixture, Tenant tenant, string role)
    {
        var email = $"user-{Guid.CreateVersion7():N}@example.com";
        var added = await tenant.Owner.Members.AddAsync(new AddMemberRequest(email, role), cancellationToken: TestContext.Current.CancellationToken);
        await fixture.Server.CreateClient(null).Members.AcceptInvitationAsync(
            new AcceptInvitationRequest(added.InvitationToken!, Password), TestContext.Current.CancellationToken);
        return (email, added.Member.Id);
    }

    /// <summary>A client that keeps cookies, not yet signed in.</summary>
    public static (HangarClient Client, CookieContainer Cookies) Anonymous(ServerFixture fixture)
    {
        var cookies = new CookieContainer();
        var handler = new HttpClientHandler { CookieContainer = cookies };
        return (new HangarClient(fixture.Server.CreateHttpClient(null, handler)), cookies);
    }

    public static async Task<HangarClient> SignInAsync(ServerFixture fixture, string email, Guid? organizationId = null)
    {
        var (client, _) = Anonymous(fixture);
        await client.Session.SignInAsync(new SignInRequest(email, Password, organizationId), TestContext.Current.CancellationToken);
        return client;
    }
}
